//! The languages Counteroffer speaks, spelled in one place. Scenario files,
//! transcripts and JSON requests carry the code ("en", "zh-CN"); everything
//! inside the program passes a `Lang`.

use serde::{Deserialize, Serialize};

/// Stored as its code string in every format (JSON, RON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    #[value(name = "en")]
    En,
    #[value(name = "zh-CN")]
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The other language, for the interface's language toggle.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::ZhCn,
            Lang::ZhCn => Lang::En,
        }
    }

    /// The language of a text: Chinese when it has any Han character.
    pub fn detect(text: &str) -> Lang {
        if text.chars().any(crate::analysis::is_han) {
            Lang::ZhCn
        } else {
            Lang::En
        }
    }

    /// Every code, for "use one of" messages.
    pub fn codes() -> Vec<&'static str> {
        Lang::ALL.iter().map(|l| l.code()).collect()
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
        let code = String::deserialize(d)?;
        Lang::from_code(&code).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown language \"{code}\", expected one of {}",
                Lang::codes().join(", ")
            ))
        })
    }
}

/// Reads a language code leniently: an unknown one becomes English, for
/// settings that are brought into range rather than refused.
pub fn lenient<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Lang, D::Error> {
    let code = String::deserialize(d)?;
    Ok(Lang::from_code(&code).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_through_serde_and_from_code() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
            let json = serde_json::to_string(&l).unwrap();
            assert_eq!(json, format!("\"{}\"", l.code()));
            assert_eq!(serde_json::from_str::<Lang>(&json).unwrap(), l);
        }
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::detect("打九折"), Lang::ZhCn);
    }
}
