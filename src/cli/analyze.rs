//! `counteroffer analyze`: tag one reply, or a stream of JSON lines.

use std::collections::HashMap;
use std::io::{BufRead, Write};
use std::process::ExitCode;

use serde::{Deserialize, Serialize};

use crate::analysis::lexicon;
use crate::analysis::{Analysis, Analyzer, Offer, detect_language};
use crate::diagnostic::shown;
use crate::scenario::Scenario;
use crate::session::MAX_REPLY_CHARS;
use crate::storage::{Line, read_line_bounded, size};

pub struct Options {
    pub lang: Option<String>,
    pub scenario: Option<String>,
    /// Folders or files of scenarios besides the shipped ones.
    pub scenarios: Vec<std::path::PathBuf>,
    pub context: Option<String>,
    pub jsonl: bool,
    pub text: Option<String>,
    /// The rules alone, without the learned reader.
    pub rules_only: bool,
}

/// Analyzers per language, built on first use.
struct Analyzers {
    scenario: Option<Scenario>,
    rules_only: bool,
    built: HashMap<String, Analyzer>,
}

impl Analyzers {
    fn get(&mut self, lang: &str) -> Result<&Analyzer, String> {
        if !self.built.contains_key(lang) {
            let lexicon = lexicon::load(&crate::scenario::shipped_dir("assets/lexicon"), lang)
                .map_err(|ds| {
                    ds.iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("\n")
                })?;
            let scenario = self.scenario.as_ref().filter(|s| s.language == lang);
            let mut analyzer = Analyzer::new(lexicon, scenario);
            if self.rules_only {
                analyzer = analyzer.rules_only();
            }
            self.built.insert(lang.to_string(), analyzer);
        }
        Ok(&self.built[lang])
    }
}

pub fn run(
    opts: Options,
    input: impl BufRead,
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let scenario = match opts
        .scenario
        .as_deref()
        .map(|spec| crate::scenario::find_scenario_in(spec, &opts.scenarios).map(|(s, _)| s))
        .transpose()
    {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitCode::from(2);
        }
    };
    let mut analyzers = Analyzers {
        scenario,
        rules_only: opts.rules_only,
        built: HashMap::new(),
    };
    let default_lang = opts
        .lang
        .clone()
        .or_else(|| analyzers.scenario.as_ref().map(|s| s.language.clone()));
    if let Some(lang) = &default_lang
        && let Err(e) = analyzers.get(lang)
    {
        let _ = writeln!(err, "error: {e}");
        return ExitCode::from(2);
    }
    if opts.jsonl {
        return jsonl(&mut analyzers, opts.lang.as_deref(), input, out);
    }
    let Some(text) = opts.text else {
        let _ = writeln!(
            err,
            "error: no reply to analyze\n  help: give the reply in quotes, or --jsonl to read JSON lines from stdin"
        );
        return ExitCode::from(2);
    };
    if let Some(e) = too_long("reply", &text)
        .or_else(|| opts.context.as_deref().and_then(|c| too_long("context", c)))
    {
        let _ = writeln!(
            err,
            "error: {e}\n  help: analyze a shorter reply, or split it into several"
        );
        return ExitCode::from(2);
    }
    let lang = default_lang.unwrap_or_else(|| detect_language(&text).to_string());
    match analyzers.get(&lang) {
        Ok(a) => {
            let analysis = a.analyze(&text, opts.context.as_deref());
            let _ = write!(out, "{}", describe(&text, &analysis));
            ExitCode::SUCCESS
        }
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            ExitCode::from(2)
        }
    }
}

#[derive(Deserialize)]
struct Request {
    text: String,
    context: Option<String>,
    lang: Option<String>,
}

#[derive(Serialize)]
struct Response<'a> {
    lang: &'a str,
    #[serde(flatten)]
    analysis: Analysis,
}

/// The longest `--jsonl` line read, in bytes: a reply and its context at
/// the character cap, escaped, fit with room to spare. A longer line is
/// read past, never held whole.
pub const MAX_LINE_BYTES: usize = 256 << 10;

/// A reply or context longer than the session accepts is refused here too,
/// so analysis time stays bounded.
fn too_long(what: &str, text: &str) -> Option<String> {
    let chars = text.chars().count();
    (chars > MAX_REPLY_CHARS).then(|| {
        format!("the {what} is {chars} characters; replies may be at most {MAX_REPLY_CHARS}")
    })
}

/// A language given on a line or on the command line is a name from the
/// list, never a path.
fn checked_language(lang: &str) -> Result<&str, String> {
    match crate::lang::Lang::from_code(lang) {
        Some(_) => Ok(lang),
        None => Err(format!(
            "unsupported language \"{}\"; use \"en\" or \"zh-CN\"",
            shown(lang, 40)
        )),
    }
}

/// One JSON line out per line in, in order; a bad line gets `{"error": ...}`.
fn jsonl(
    analyzers: &mut Analyzers,
    forced: Option<&str>,
    mut input: impl BufRead,
    out: &mut impl Write,
) -> ExitCode {
    let mut number = 0;
    loop {
        number += 1;
        let reply = match read_line_bounded(&mut input, MAX_LINE_BYTES) {
            Ok(None) => break,
            Ok(Some(Line::Bytes(bytes))) => answer(analyzers, forced, &bytes, number),
            Ok(Some(Line::TooLong)) => error_line(&format!(
                "line {number}: the line is longer than {}; replies may be at most {MAX_REPLY_CHARS} characters",
                size(MAX_LINE_BYTES as u64)
            )),
            Err(e) => {
                let reply = error_line(&format!("line {number}: cannot read input: {e}"));
                let _ = writeln!(out, "{reply}");
                return ExitCode::FAILURE;
            }
        };
        if writeln!(out, "{reply}").and_then(|_| out.flush()).is_err() {
            return ExitCode::FAILURE; // the reader went away
        }
    }
    ExitCode::SUCCESS
}

fn answer(analyzers: &mut Analyzers, forced: Option<&str>, bytes: &[u8], number: usize) -> String {
    let request: Request = match serde_json::from_slice(bytes) {
        Ok(r) => r,
        Err(e) => {
            return error_line(&format!(
                "line {number}: not a JSON object with a \"text\" field: {e}"
            ));
        }
    };
    let long = too_long("text", &request.text).or_else(|| {
        request
            .context
            .as_deref()
            .and_then(|c| too_long("context", c))
    });
    if let Some(e) = long {
        return error_line(&format!("line {number}: {e}"));
    }
    let lang = match request.lang.as_deref().map(checked_language).transpose() {
        Ok(lang) => lang
            .or(forced)
            .unwrap_or_else(|| detect_language(&request.text))
            .to_string(),
        Err(e) => return error_line(&format!("line {number}: {e}")),
    };
    match analyzers.get(&lang) {
        Ok(a) => {
            let analysis = a.analyze(&request.text, request.context.as_deref());
            serde_json::to_string(&Response {
                lang: &lang,
                analysis,
            })
            .unwrap_or_else(|e| error_line(&e.to_string()))
        }
        Err(e) => error_line(&format!("line {number}: {e}")),
    }
}

fn error_line(message: &str) -> String {
    serde_json::json!({ "error": message }).to_string()
}

/// The readable breakdown: tags, the words that earned them, offers.
pub fn describe(text: &str, a: &Analysis) -> String {
    let names = |v: Vec<&str>| {
        if v.is_empty() {
            "-".to_string()
        } else {
            v.join(", ")
        }
    };
    let mut s = String::new();
    s.push_str(&format!("reply: {text}\n"));
    s.push_str(&format!(
        "LAER:       {}\n",
        names(a.laer.iter().map(|t| t.name()).collect())
    ));
    if let Some(q) = a.question {
        s.push_str(&format!("question:   {}\n", q.name()));
    }
    s.push_str(&format!(
        "FAB:        {}\n",
        names(a.fab.iter().map(|t| t.name()).collect())
    ));
    s.push_str(&format!(
        "techniques: {}\n",
        names(a.techniques.iter().map(|t| t.name()).collect())
    ));
    s.push_str(&format!(
        "negatives:  {}\n",
        names(a.negatives.iter().map(|t| t.name()).collect())
    ));
    for offer in &a.offers {
        let cond = if offer.conditional() {
            " (conditional)"
        } else {
            ""
        };
        let what = match offer {
            Offer::Price {
                amount, currency, ..
            } => format!(
                "price {amount}{}",
                currency
                    .as_deref()
                    .map(|c| format!(" {c}"))
                    .unwrap_or_default()
            ),
            Offer::DiscountPercent { percent, .. } => format!("discount {percent}%"),
            Offer::DiscountAmount { amount, .. } => format!("discount of {amount}"),
            Offer::Tradeable { id, .. } => format!("tradeable {id}"),
        };
        s.push_str(&format!("offer:      {what}{cond}\n"));
    }
    s.push_str("evidence:\n");
    for e in &a.evidence {
        s.push_str(&format!(
            "  {:<22} {:>4}..{:<4} \u{ab}{}\u{bb}\n",
            e.tag, e.start, e.end, e.text
        ));
    }
    s
}
