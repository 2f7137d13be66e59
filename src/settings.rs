//! Player settings, kept in `settings.ron` in the data directory. Written
//! atomically; a missing file means defaults, a corrupt one means defaults
//! plus a notice saying what was wrong (the file is left for the player).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::storage::{cap, data_dir, read_text_bounded, write_atomic};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Interface language; an unknown code reads as English.
    #[serde(deserialize_with = "crate::lang::lenient")]
    pub language: Lang,
    /// Large type and the high-contrast palette, for classroom projectors.
    pub projector: bool,
    /// Extra text scale on top of the mode's own, 0.75 to 2.
    pub text_scale: f32,
    /// No animated transitions.
    pub reduced_motion: bool,
    /// The player's name, put in transcripts and reports.
    pub student: String,
    /// The title lists scenarios in every language, not only the
    /// interface's.
    pub all_languages: bool,
    /// The first-run walkthrough was seen (or skipped).
    pub walkthrough_done: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            language: system_language(),
            projector: false,
            text_scale: 1.0,
            reduced_motion: false,
            student: String::new(),
            all_languages: false,
            walkthrough_done: false,
        }
    }
}

/// Chinese when the system locale is, else English.
pub fn system_language() -> Lang {
    let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty());
    match from_env {
        Some(l) if l.to_ascii_lowercase().starts_with("zh") => Lang::ZhCn,
        _ => Lang::En,
    }
}

/// Settings as loaded, with a notice when the file could not be used.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    pub settings: Settings,
    pub notice: Option<String>,
}

pub fn path() -> Option<PathBuf> {
    data_dir().map(|d| d.join("settings.ron"))
}

impl Settings {
    /// Reads `path`; never fails, never panics.
    pub fn load(path: &Path) -> Loaded {
        // bounded: a settings file that is a FIFO or a link to a device
        // must not stall or fill the memory before the window opens
        let src = match read_text_bounded(path, cap::SETTINGS) {
            Ok(s) => s,
            Err(e) if e.is_not_found() => {
                return Loaded {
                    settings: Settings::default(),
                    notice: None,
                };
            }
            Err(e) => {
                return Loaded {
                    settings: Settings::default(),
                    notice: Some(format!(
                        "{}: cannot read settings ({e}); using defaults",
                        path.display()
                    )),
                };
            }
        };
        match ron::from_str::<Settings>(&src) {
            Ok(s) => Loaded {
                settings: s.sanitised(),
                notice: None,
            },
            Err(e) => Loaded {
                settings: Settings::default(),
                notice: Some(format!(
                    "{}:{}:{}: settings file is damaged ({}); using defaults until you change a setting",
                    path.display(),
                    e.span.start.line,
                    e.span.start.col,
                    e.code
                )),
            },
        }
    }

    /// Values out of range are brought back in, not refused.
    fn sanitised(mut self) -> Settings {
        if !self.text_scale.is_finite() {
            self.text_scale = 1.0;
        }
        self.text_scale = self.text_scale.clamp(0.75, 2.0);
        self
    }

    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .expect("settings serialize");
        write_atomic(path, text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("co-settings-{}-{name}", std::process::id()))
    }

    #[test]
    fn settings_round_trip() {
        let p = temp("round");
        let s = Settings {
            language: Lang::ZhCn,
            projector: true,
            text_scale: 1.25,
            reduced_motion: true,
            student: "李娜 \"Lina\"".into(),
            all_languages: true,
            walkthrough_done: true,
        };
        s.save(&p).unwrap();
        assert_eq!(
            Settings::load(&p),
            Loaded {
                settings: s,
                notice: None
            }
        );
        std::fs::remove_file(p).unwrap();
    }

    #[test]
    fn a_corrupt_file_falls_back_to_defaults_with_a_notice() {
        let p = temp("corrupt");
        std::fs::write(&p, "(language: \"en\", projector: maybe)").unwrap();
        let loaded = Settings::load(&p);
        assert_eq!(loaded.settings, Settings::default());
        let notice = loaded.notice.expect("a notice");
        assert!(
            notice.contains("settings file is damaged") && notice.contains(":1:"),
            "{notice}"
        );
        std::fs::write(&p, [0xff, 0xfe, 0x00]).unwrap();
        assert!(Settings::load(&p).notice.is_some());
        std::fs::remove_file(p).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn a_settings_file_that_is_a_device_or_a_fifo_is_not_read() {
        let link = temp("zero-link");
        let _ = std::fs::remove_file(&link);
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        let loaded = Settings::load(&link);
        assert_eq!(loaded.settings, Settings::default());
        let notice = loaded.notice.expect("a notice");
        assert!(notice.contains("character device"), "{notice}");
        std::fs::remove_file(&link).unwrap();

        let fifo = temp("fifo");
        let _ = std::fs::remove_file(&fifo);
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let notice = Settings::load(&fifo).notice.expect("a notice");
            assert!(notice.contains("FIFO"), "{notice}");
            std::fs::remove_file(&fifo).unwrap();
        }
    }

    #[test]
    fn missing_file_means_defaults_and_odd_values_are_brought_in_range() {
        assert_eq!(Settings::load(&temp("missing")).notice, None);
        let p = temp("range");
        std::fs::write(&p, "(language: \"fr\", text_scale: 9.0)").unwrap();
        let s = Settings::load(&p).settings;
        assert_eq!((s.language, s.text_scale), (Lang::En, 2.0));
        std::fs::remove_file(p).unwrap();
    }
}
