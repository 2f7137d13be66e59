//! Semantic checks on a parsed scenario: references, numbers, reachability.
//! Each problem becomes a located diagnostic with a hint where one is known.

use std::collections::{HashMap, HashSet};

use super::locate::{Locator, Step};
use super::schema::*;
use crate::analysis::tags::{Technique, all_tag_names, is_known_tag};
use crate::diagnostic::{Diagnostic, did_you_mean, shown};
use crate::lang::Lang;

/// The longest id a scenario may use, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Problems reported per file; past this many, the rest are counted, not
/// located (each location is a search of the file).
pub const MAX_DIAGNOSTICS: usize = 100;

struct Checker<'a> {
    path: &'a str,
    loc: Locator<'a>,
    out: Vec<Diagnostic>,
    /// Errors past [`MAX_DIAGNOSTICS`], counted only.
    more_errors: usize,
}

impl Checker<'_> {
    fn error(&mut self, at: &[Step], message: String, help: Option<String>) {
        if self.out.len() >= MAX_DIAGNOSTICS {
            self.more_errors += 1;
            return;
        }
        let mut d = Diagnostic::error(self.path, self.loc.at(at), message);
        d.help = help;
        self.out.push(d);
    }

    fn warning(&mut self, at: &[Step], message: String) {
        if self.out.len() >= MAX_DIAGNOSTICS {
            return;
        }
        let d = Diagnostic::warning(self.path, self.loc.at(at), message);
        self.out.push(d);
    }

    fn warning_help(&mut self, at: &[Step], message: String, help: String) {
        let d = Diagnostic::warning(self.path, self.loc.at(at), message).with_help(help);
        self.out.push(d);
    }

    /// Flags `{name}` placeholders in `lines` that `allowed` does not hold.
    fn placeholders(&mut self, at: &[Step], lines: &[String], allowed: &[&str], what: &str) {
        for line in lines {
            for name in placeholder_names(line) {
                if allowed.contains(&name) {
                    continue;
                }
                let help = if allowed.is_empty() {
                    "these lines take no placeholders; write the words out".to_string()
                } else {
                    let known: Vec<String> = allowed.iter().map(|a| format!("{{{a}}}")).collect();
                    match did_you_mean(name, allowed.iter().copied()) {
                        Some(near) => format!("did you mean {{{near}}}?"),
                        None => format!("placeholders here: {}", known.join(", ")),
                    }
                };
                let mut steps = at.to_vec();
                steps.push(Step::Quoted(line));
                self.error(
                    &steps,
                    format!("unknown placeholder {{{name}}} in {what}"),
                    Some(help),
                );
            }
        }
    }

    /// Flags a reference to an id that `known` does not hold.
    fn reference(&mut self, at: &[Step], what: &str, id: &str, known: &Known, context: &str) {
        if known.set.contains(id) {
            return;
        }
        if self.out.len() >= MAX_DIAGNOSTICS {
            self.more_errors += 1; // no suggestion worked out for it either
            return;
        }
        let help = match did_you_mean(id, known.list.iter().copied()) {
            Some(near) => format!("did you mean \"{near}\"?"),
            None => format!("known {what} ids: {}", quoted_list(&known.list)),
        };
        self.error(
            at,
            format!("unknown {what} id \"{id}\" in {context}"),
            Some(help),
        );
    }

    fn unique_ids<'s>(&mut self, what: &str, ids: impl IntoIterator<Item = &'s str>) {
        let mut seen = HashSet::new();
        for id in ids {
            if !seen.insert(id) {
                self.error(
                    &[Step::Id(id), Step::Id(id)],
                    format!("duplicate {what} id \"{id}\""),
                    Some("each id must be unique; rename one of them".into()),
                );
            }
        }
    }

    fn not_empty<T>(&mut self, at: &[Step], list: &[T], message: String) {
        if list.is_empty() {
            self.error(at, message, Some("add at least one entry".into()));
        }
    }

    fn text(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.error(
                &[Step::Field(field)],
                format!("`{field}` is empty"),
                Some(format!("write the {field} text between the quotes")),
            );
        }
    }

    fn money(&mut self, at: &[Step], name: &str, value: f64) -> bool {
        let ok = value.is_finite() && value > 0.0;
        if !ok {
            self.error(
                at,
                format!("`{name}` is {value}, but it must be a positive amount"),
                Some("write an amount above 0 in the product currency, e.g. 1000.0".into()),
            );
        }
        ok
    }
}

pub fn validate(scenario: &Scenario, src: &str, path: &str) -> Vec<Diagnostic> {
    let mut c = Checker {
        path,
        loc: Locator::new(src),
        out: Vec::new(),
        more_errors: 0,
    };
    // overlong ids first, alone: every later message quotes ids
    if !check_id_lengths(&mut c, scenario) {
        return c.out;
    }
    check_metadata(&mut c, scenario);
    check_product(&mut c, scenario);
    check_persona(&mut c, scenario);
    check_prices(&mut c, scenario);
    check_objections(&mut c, scenario);
    let reachable = check_reachability(&mut c, scenario);
    check_hidden_facts(&mut c, scenario, &reachable);
    if c.more_errors > 0 {
        let d = Diagnostic::error(
            path,
            (0, 0),
            format!("{} more errors not shown", c.more_errors),
        )
        .with_help("fix the errors above and check again");
        c.out.push(d);
    }
    // how the persona will sound: only worth saying once the file is valid
    if !c.out.iter().any(Diagnostic::is_error) {
        lint_variety(&mut c, scenario);
    }
    c.out
}

/// Every id and reference to one is at most [`MAX_ID_CHARS`] long;
/// reports the others and says whether all were.
fn check_id_lengths(c: &mut Checker, s: &Scenario) -> bool {
    let p = &s.persona;
    let mut ids: Vec<(&str, &str)> = vec![("scenario", s.id.as_str())];
    ids.extend(
        s.product
            .features
            .iter()
            .map(|f| ("feature", f.id.as_str())),
    );
    ids.extend(
        s.product
            .features
            .iter()
            .flat_map(|f| f.relieves.iter().map(|r| ("pain", r.as_str()))),
    );
    ids.extend(
        s.product
            .tradeables
            .iter()
            .map(|t| ("tradeable", t.id.as_str())),
    );
    ids.extend(p.pains.iter().map(|x| ("pain", x.id.as_str())));
    for fact in &p.hidden {
        ids.push(("hidden fact", fact.id.as_str()));
        if let Reveal::Resolved(id) = &fact.reveal {
            ids.push(("objection", id.as_str()));
        }
    }
    for o in &s.objections {
        ids.push(("objection", o.id.as_str()));
        if let Trigger::AfterResolved(id) = &o.trigger {
            ids.push(("objection", id.as_str()));
        }
        for r in &o.resolved_by {
            match r {
                Resolution::Technique(t) => ids.push(("technique", t.as_str())),
                Resolution::Tradeable(t) => ids.push(("tradeable", t.as_str())),
                Resolution::Benefit { pains } => {
                    ids.extend(pains.iter().map(|x| ("pain", x.as_str())));
                }
                Resolution::PriceAtMost(_) => {}
            }
        }
        for option in &o.options {
            ids.extend(option.tags.iter().map(|t| ("tag", t.as_str())));
        }
    }
    let mut all_short = true;
    let mut reported = HashSet::new();
    for (what, id) in ids {
        let chars = id.chars().count();
        // each overlong id once, where it first appears
        if chars > MAX_ID_CHARS && reported.insert(id) {
            all_short = false;
            c.error(
                &[Step::Quoted(id)],
                format!(
                    "the {what} id \"{}\" is {chars} characters long; ids may be at most {MAX_ID_CHARS}",
                    shown(id, 24)
                ),
                Some("use a short id such as \"slow-line\"; the text shown to players goes in other fields".into()),
            );
        }
    }
    all_short
}

/// The ids a reference may name: in order (for messages) and as a set
/// (for look-ups, so checking is linear in the number of references).
struct Known<'s> {
    list: Vec<&'s str>,
    set: HashSet<&'s str>,
}

impl<'s> Known<'s> {
    fn new(ids: impl IntoIterator<Item = &'s str>) -> Self {
        let list: Vec<&str> = ids.into_iter().collect();
        Known {
            set: list.iter().copied().collect(),
            list,
        }
    }
}

/// The `{name}` placeholders in a line.
fn placeholder_names(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            out.push(name);
        }
        rest = &after[close + 1..];
    }
    out
}

/// Warnings about a persona that would repeat itself or fall back on
/// generic lines: line kinds with fewer than [`MIN_VARIANTS`] variants,
/// resolution routes with no reaction of their own, objections with no
/// `concern`, and reveal terms that are only question words.
fn lint_variety(c: &mut Checker, s: &Scenario) {
    lint_voice(c, s);
    for o in &s.objections {
        lint_objection_variety(c, o);
        lint_route_reactions(c, o);
        lint_concern(c, o);
    }
    lint_reveal_terms(c, s);
}

/// "2 variants": how many lines a kind has.
fn variants(n: usize) -> String {
    format!("{n} variant{}", if n == 1 { "" } else { "s" })
}

/// The kinds of line with none written, as "`a`, `b`".
fn left_out(kinds: &[(&str, &Vec<String>)]) -> Option<String> {
    let names: Vec<String> = kinds
        .iter()
        .filter(|(_, lines)| lines.is_empty())
        .map(|(name, _)| format!("`{name}`"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

/// Warns that some lines have too few variants to keep the persona from
/// repeating itself.
fn warn_few_variants(c: &mut Checker, at: &[Step], message: String) {
    c.warning_help(
        at,
        message,
        format!("write at least {MIN_VARIANTS} variants so the persona does not repeat itself"),
    );
}

/// Warns about each kind of line written with too few variants (a kind
/// left out is reported apart); `message` says what has how many.
fn lint_few_variants<'a>(
    c: &mut Checker,
    kinds: &[(&'static str, &Vec<String>)],
    at: impl Fn(&'static str) -> Vec<Step<'a>>,
    message: impl Fn(&str, String) -> String,
) {
    for (name, lines) in kinds {
        if !lines.is_empty() && lines.len() < MIN_VARIANTS {
            warn_few_variants(c, &at(name), message(name, variants(lines.len())));
        }
    }
}

/// The persona's own lines: kinds left to the built-in lines, and kinds
/// with too few variants.
fn lint_voice(c: &mut Checker, s: &Scenario) {
    let kinds = s.persona.voice.kinds();
    if let Some(names) = left_out(&kinds) {
        c.warning_help(
            &[Step::Field("voice")],
            format!("`voice` leaves out {names}: built-in lines stand in"),
            format!("write {MIN_VARIANTS} or more lines of each in the persona's own voice"),
        );
    }
    lint_few_variants(
        c,
        &kinds,
        |name| vec![Step::Field("voice"), Step::Field(name)],
        |name, n| format!("`voice.{name}` has {n} (fewer than {MIN_VARIANTS})"),
    );
}

/// An objection's lines and reactions: too few variants, and reaction
/// kinds left to the `good` lines.
fn lint_objection_variety(c: &mut Checker, o: &Objection) {
    let here = Step::Id(&o.id);
    // no lines at all is an error of its own, and warned here too
    if o.lines.len() < MIN_VARIANTS {
        warn_few_variants(
            c,
            &[here, Step::Field("lines")],
            format!(
                "objection \"{}\" has {} of its `lines` (fewer than {MIN_VARIANTS})",
                o.id,
                variants(o.lines.len())
            ),
        );
    }
    let kinds = o.reactions.kinds();
    if let Some(names) = left_out(&kinds) {
        c.warning_help(
            &[here, Step::Field("reactions")],
            format!(
                "the reactions of objection \"{}\" leave out {names}: the `good` lines stand in",
                o.id
            ),
            "`heard` confirms a restatement, `asked` answers a question about the concern".into(),
        );
    }
    lint_few_variants(
        c,
        &kinds,
        |name| vec![here, Step::Field("reactions"), Step::Field(name)],
        |name, n| {
            format!(
                "objection \"{}\" has {n} of `reactions.{name}` (fewer than {MIN_VARIANTS})",
                o.id
            )
        },
    );
}

/// Each route that resolves the objection, without a reaction of its
/// own, gets a generic `resolved` line; warned once per route.
fn lint_route_reactions(c: &mut Checker, o: &Objection) {
    let here = Step::Id(&o.id);
    let mut seen: Vec<Route> = Vec::new();
    for r in &o.resolved_by {
        for route in r.routes() {
            if seen.contains(&route) || o.reactions.routes.iter().any(|x| x.when == route) {
                continue;
            }
            let at: Vec<Step> = match &route {
                Route::Technique(t) | Route::Tradeable(t) | Route::Pain(t) => {
                    vec![here, Step::Field("resolved_by"), Step::Quoted(t)]
                }
                Route::Price => vec![here, Step::Field("resolved_by"), Step::Text("PriceAtMost")],
            };
            let name = route_name(&route);
            c.warning_help(
                &at,
                format!(
                    "objection \"{}\" has no reaction for its route {name}: a reply that takes it gets a generic `resolved` line",
                    o.id
                ),
                format!(
                    "add `(when: {name}, say: [\"...\"])` to its `reactions.routes`, in words that refer to what that reply did"
                ),
            );
            seen.push(route);
        }
    }
}

/// Without a `concern` the persona cannot name what is left open.
fn lint_concern(c: &mut Checker, o: &Objection) {
    if o.concern.as_deref().is_none_or(|t| t.trim().is_empty()) {
        c.warning_help(
            &[Step::Id(&o.id)],
            format!(
                "objection \"{}\" has no `concern`: while it is open the persona cannot say what is left besides the price",
                o.id
            ),
            "add a short phrase, e.g. `concern: \"how the set-up won't drag on\"`".into(),
        );
    }
}

/// Reveal terms that are question words match every question.
fn lint_reveal_terms(c: &mut Checker, s: &Scenario) {
    for fact in &s.persona.hidden {
        let (Reveal::OpenQuestion { terms } | Reveal::Question { terms }) = &fact.reveal else {
            continue;
        };
        for t in terms.iter().filter(|t| is_question_word(t)) {
            c.warning_help(
                &[Step::Id(&fact.id), Step::Field("reveal"), Step::Quoted(t)],
                format!(
                    "reveal term \"{t}\" of hidden fact \"{}\" is a question word: every question has one, so it is ignored",
                    fact.id
                ),
                "use words for what the question is about (\"committee\", \"拍板\")".into(),
            );
        }
    }
}

/// Where a route of `reactions.routes` is written, after `routes:`.
fn route_step(r: &Route) -> Step<'_> {
    match r {
        Route::Technique(t) | Route::Pain(t) | Route::Tradeable(t) => Step::Quoted(t),
        Route::Price => Step::Text("Price"),
    }
}

/// A route as written in a scenario file.
fn route_name(r: &Route) -> String {
    match r {
        Route::Technique(t) => format!("Technique(\"{t}\")"),
        Route::Pain(p) => format!("Pain(\"{p}\")"),
        Route::Tradeable(t) => format!("Tradeable(\"{t}\")"),
        Route::Price => "Price".to_string(),
    }
}

/// Items listed in a help line, at most.
const MAX_LISTED: usize = 12;

/// `"a", "b"`: each item once, in order; a long list is cut short.
fn quoted_list(items: &[&str]) -> String {
    let mut seen = HashSet::new();
    let unique: Vec<&str> = items.iter().copied().filter(|s| seen.insert(*s)).collect();
    let mut text = unique
        .iter()
        .take(MAX_LISTED)
        .map(|s| format!("\"{s}\""))
        .collect::<Vec<_>>()
        .join(", ");
    if unique.len() > MAX_LISTED {
        text.push_str(&format!(" and {} more", unique.len() - MAX_LISTED));
    }
    text
}

fn check_metadata(c: &mut Checker, s: &Scenario) {
    let id_ok = !s.id.is_empty()
        && s.id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        c.error(
            &[Step::Field("id")],
            format!("scenario id \"{}\" is not a valid id", shown(&s.id, 64)),
            Some("use lowercase letters, digits and `-`, e.g. \"hengda-packaging\"".into()),
        );
    }
    if Lang::from_code(&s.language).is_none() {
        c.error(
            &[Step::Field("language")],
            format!("language \"{}\" is not supported", shown(&s.language, 64)),
            Some(format!("use one of {}", quoted_list(&Lang::codes()))),
        );
    }
    c.text("title", &s.title);
    c.text("industry", &s.industry);
    c.text("briefing", &s.briefing);
    if s.max_turns == 0 || s.max_turns > 100 {
        c.error(
            &[Step::Field("max_turns")],
            format!(
                "`max_turns` is {}, but it must be between 1 and 100",
                s.max_turns
            ),
            Some("a negotiation of 10 to 20 turns suits most classes".into()),
        );
    }
}

fn check_product(c: &mut Checker, s: &Scenario) {
    let p = &s.product;
    let pains = Known::new(s.persona.pains.iter().map(|x| x.id.as_str()));
    c.not_empty(
        &[Step::Field("features")],
        &p.features,
        "the product has no features".into(),
    );
    c.unique_ids("feature", p.features.iter().map(|f| f.id.as_str()));
    c.unique_ids("tradeable", p.tradeables.iter().map(|t| t.id.as_str()));
    for f in &p.features {
        for pain in &f.relieves {
            let at = [Step::Id(&f.id), Step::Field("relieves"), Step::Quoted(pain)];
            c.reference(&at, "pain", pain, &pains, &format!("feature \"{}\"", f.id));
        }
    }
    for t in &p.tradeables {
        let ok = t.cost.is_finite() && t.cost >= 0.0 && t.value.is_finite() && t.value >= 0.0;
        if !ok {
            c.error(
                &[Step::Id(&t.id), Step::Field("cost")],
                format!(
                    "tradeable \"{}\" has cost {} and value {}; both must be 0 or more",
                    t.id, t.cost, t.value
                ),
                Some("cost is what giving it costs you, value what it is worth to the customer; write 0.0 for nothing".into()),
            );
        }
    }
    if p.currency.len() != 3 || !p.currency.bytes().all(|b| b.is_ascii_uppercase()) {
        c.error(
            &[Step::Field("currency")],
            format!(
                "currency \"{}\" is not an ISO 4217 code",
                shown(&p.currency, 64)
            ),
            Some("use a three-letter code such as \"USD\", \"EUR\" or \"CNY\"".into()),
        );
    }
}

fn check_persona(c: &mut Checker, s: &Scenario) {
    let p = &s.persona;
    c.text("name", &p.name);
    c.not_empty(
        &[Step::Field("pains")],
        &p.pains,
        "the persona has no pains".into(),
    );
    c.unique_ids("pain", p.pains.iter().map(|x| x.id.as_str()));
    let relieved: HashSet<&str> = s
        .product
        .features
        .iter()
        .flat_map(|f| f.relieves.iter().map(String::as_str))
        .collect();
    for pain in &p.pains {
        c.not_empty(
            &[Step::Id(&pain.id), Step::Field("terms")],
            &pain.terms,
            format!("pain \"{}\" has no terms", pain.id),
        );
        if !relieved.contains(pain.id.as_str()) {
            c.warning(
                &[Step::Id(&pain.id)],
                format!(
                    "no feature relieves pain \"{}\", so no benefit can touch it",
                    pain.id
                ),
            );
        }
    }
    let v = &p.voice;
    for (name, lines) in [
        ("counter", &v.counter),
        ("insist", &v.insist),
        ("accept", &v.accept),
        ("walk_away", &v.walk_away),
        ("final_call", &v.final_call),
    ] {
        c.not_empty(
            &[Step::Field("voice"), Step::Field(name)],
            lines,
            format!("`voice.{name}` has no lines"),
        );
    }
    for (name, lines) in v.kinds() {
        let allowed: &[&str] = match name {
            "workable" => &["price", "concern"],
            "batna" => &["price", "batna"],
            _ => &["price"],
        };
        c.placeholders(
            &[Step::Field("voice"), Step::Field(name)],
            lines,
            allowed,
            &format!("a `voice.{name}` line"),
        );
    }
    for (name, lines) in [
        ("counter", &v.counter),
        ("final_call", &v.final_call),
        ("confirm", &v.confirm),
    ] {
        for line in lines.iter().filter(|l| !l.contains("{price}")) {
            c.error(
                &[Step::Field("voice"), Step::Field(name), Step::Quoted(line)],
                format!("a `voice.{name}` line has no {{price}} placeholder"),
                Some(
                    "the persona names its price here: write {price} where the amount goes".into(),
                ),
            );
        }
    }
}

/// A problem with the persona's numbers, found before we know whether it
/// comes from the base persona or from a difficulty tier.
struct ParamProblem {
    field: &'static str,
    message: String,
    help: Option<&'static str>,
}

fn param_problems(p: &PersonaParams, product: &Product) -> Vec<ParamProblem> {
    let mut out = Vec::new();
    let mut problem = |field, message, help| {
        out.push(ParamProblem {
            field,
            message,
            help,
        })
    };
    for (field, value) in [
        ("price_sensitivity", p.price_sensitivity),
        ("scepticism", p.scepticism),
        ("trust", p.trust),
        ("anchor", p.anchor),
    ] {
        if !(0.0..=1.0).contains(&value) {
            problem(
                field,
                format!("`{field}` is {value}, but it must lie between 0 and 1"),
                Some("write it as a fraction, e.g. 0.4 for 40%"),
            );
        }
    }
    if p.patience == 0 {
        problem(
            "patience",
            "`patience` is 0: the persona would leave at once".into(),
            Some("give the persona a few replies of patience, e.g. 4"),
        );
    }
    let positive = |v: f64| v.is_finite() && v > 0.0;
    for (field, value) in [("budget", p.budget), ("walk_away", p.walk_away)] {
        if !positive(value) {
            problem(
                field,
                format!("`{field}` is {value}, but it must be a positive amount"),
                Some("write an amount above 0 in the product currency"),
            );
        }
    }
    let prices_ok = positive(p.budget)
        && positive(p.walk_away)
        && positive(product.list_price)
        && positive(product.floor);
    if !prices_ok || product.floor > product.list_price {
        return out;
    }
    if p.budget > p.walk_away {
        problem(
            "budget",
            format!("budget {} is above walk_away {}", p.budget, p.walk_away),
            Some("walk_away is the most the persona pays; it must be at least the budget"),
        );
    } else if p.budget >= product.list_price {
        problem(
            "budget",
            format!(
                "budget {} is not below the list price {}: there is nothing to negotiate",
                p.budget, product.list_price
            ),
            Some("set the budget below the list price"),
        );
    } else if p.walk_away < product.floor {
        problem(
            "walk_away",
            format!(
                "walk_away {} is below the floor {}: no deal is possible",
                p.walk_away, product.floor
            ),
            Some("raise walk_away or lower the floor so that the two ranges overlap"),
        );
    }
    out
}

/// The price range must leave a deal possible on every difficulty tier. The
/// base persona is checked once; a tier only reports problems it adds.
fn check_prices(c: &mut Checker, s: &Scenario) {
    let list_ok = c.money(
        &[Step::Field("list_price")],
        "list_price",
        s.product.list_price,
    );
    let floor_ok = c.money(&[Step::Field("floor")], "floor", s.product.floor);
    if list_ok && floor_ok && s.product.floor > s.product.list_price {
        c.error(
            &[Step::Field("floor")],
            format!(
                "floor {} is above the list price {}",
                s.product.floor, s.product.list_price
            ),
            Some(
                "the floor is the lowest price you accept; it must not exceed the list price"
                    .into(),
            ),
        );
    }
    let base = s.persona.base_params();
    let base_problems = param_problems(&base, &s.product);
    for p in &base_problems {
        let at = [Step::Field("persona"), Step::Field(p.field)];
        c.error(&at, p.message.clone(), p.help.map(String::from));
    }
    for tier in Difficulty::ALL {
        for p in param_problems(&s.params(tier), &s.product) {
            if base_problems.iter().any(|b| b.message == p.message) {
                continue;
            }
            let at = [
                Step::Field("difficulty"),
                Step::Field(tier.name()),
                Step::Field(p.field),
            ];
            c.error(
                &at,
                format!("in the {} tier, {}", tier.name(), p.message),
                p.help.map(String::from),
            );
        }
    }
}

/// The ids an objection may refer to.
struct Refs<'s> {
    objections: Known<'s>,
    pains: Known<'s>,
    tradeables: Known<'s>,
    techniques: Known<'static>,
}

fn check_objections(c: &mut Checker, s: &Scenario) {
    let refs = Refs {
        objections: Known::new(s.objections.iter().map(|o| o.id.as_str())),
        pains: Known::new(s.persona.pains.iter().map(|x| x.id.as_str())),
        tradeables: Known::new(s.product.tradeables.iter().map(|x| x.id.as_str())),
        techniques: Known::new(Technique::ALL.iter().map(|t| t.name())),
    };
    check_objection_set(c, s, &refs.objections);
    for o in &s.objections {
        check_objection(c, o, &refs);
    }
}

/// The objections as a whole: some, with unique ids, one of each kind,
/// and exactly one to open with.
fn check_objection_set(c: &mut Checker, s: &Scenario, ids: &Known) {
    c.not_empty(
        &[Step::Field("objections")],
        &s.objections,
        "the scenario has no objections".into(),
    );
    c.unique_ids("objection", ids.list.iter().copied());
    for kind in [
        ObjectionKind::Price,
        ObjectionKind::Fit,
        ObjectionKind::Delay,
    ] {
        if !s.objections.iter().any(|o| o.kind == kind) {
            c.error(
                &[Step::Field("objections")],
                format!("the persona never raises a {} objection", kind.name()),
                Some("every persona needs a price, a fit and a delay objection".into()),
            );
        }
    }
    let openers = s
        .objections
        .iter()
        .filter(|o| matches!(o.trigger, Trigger::AtStart))
        .count();
    if openers != 1 {
        c.error(
            &[Step::Field("objections")],
            format!("{openers} objections have trigger AtStart; exactly one must lead"),
            Some("give one objection `trigger: AtStart` and the others a later trigger".into()),
        );
    }
}

/// One objection, field by field in the order they are written.
fn check_objection(c: &mut Checker, o: &Objection, refs: &Refs) {
    let ctx = format!("objection \"{}\"", o.id);
    let here = Step::Id(&o.id);
    for (field, list, what) in [
        ("lines", &o.lines, "lines"),
        ("terms", &o.terms, "terms"),
        ("good", &o.reactions.good, "good reactions"),
        ("bad", &o.reactions.bad, "bad reactions"),
        ("resolved", &o.reactions.resolved, "resolved reactions"),
    ] {
        c.not_empty(
            &[here, Step::Field(field)],
            list,
            format!("{ctx} has no {what}"),
        );
    }
    check_model_answers(c, o, &ctx);
    c.not_empty(
        &[here, Step::Field("model_answers")],
        &o.model_answers,
        format!("{ctx} has no model answers"),
    );
    c.not_empty(
        &[here, Step::Field("resolved_by")],
        &o.resolved_by,
        format!("{ctx} has nothing in `resolved_by`, so it can never be resolved"),
    );
    if let Trigger::AfterResolved(other) = &o.trigger {
        c.reference(
            &[here, Step::Field("trigger"), Step::Quoted(other)],
            "objection",
            other,
            &refs.objections,
            &format!("the trigger of {ctx}"),
        );
    }
    check_resolutions(c, o, &ctx, refs);
    check_reactions(c, o, &ctx);
    check_option_tags(c, o, &ctx);
}

/// A tagged model answer shows something, and only known tags or lessons.
fn check_model_answers(c: &mut Checker, o: &Objection, ctx: &str) {
    let here = Step::Id(&o.id);
    for answer in &o.model_answers {
        let ModelAnswer::Tagged(a) = answer else {
            continue;
        };
        c.not_empty(
            &[here, Step::Field("model_answers"), Step::Field("shows")],
            &a.shows,
            format!(
                "a model answer of {ctx} shows nothing; list what it demonstrates or give plain text"
            ),
        );
        for tag in a
            .shows
            .iter()
            .filter(|t| !is_known_tag(t) && !ModelAnswer::LESSONS.contains(&t.as_str()))
        {
            let mut known = all_tag_names();
            known.extend(ModelAnswer::LESSONS);
            c.error(
                &[here, Step::Field("model_answers"), Step::Quoted(tag)],
                format!("a model answer of {ctx} shows unknown tag \"{tag}\""),
                Some(format!("known tags: {}", known.join(", "))),
            );
        }
    }
}

/// Every way to resolve the objection names something that exists.
fn check_resolutions(c: &mut Checker, o: &Objection, ctx: &str, refs: &Refs) {
    let here = Step::Id(&o.id);
    for r in &o.resolved_by {
        let at = |v| [here, Step::Field("resolved_by"), Step::Quoted(v)];
        match r {
            Resolution::Technique(t) => c.reference(&at(t), "technique", t, &refs.techniques, ctx),
            Resolution::Tradeable(t) => c.reference(&at(t), "tradeable", t, &refs.tradeables, ctx),
            Resolution::Benefit { pains: ps } => {
                c.not_empty(
                    &[here, Step::Field("resolved_by")],
                    ps,
                    format!("a Benefit in {ctx} lists no pains"),
                );
                for p in ps {
                    c.reference(&at(p), "pain", p, &refs.pains, ctx);
                }
            }
            Resolution::PriceAtMost(price) => {
                c.money(&[here, Step::Text("PriceAtMost")], "PriceAtMost", *price);
            }
        }
    }
}

/// Reaction lines use only known placeholders, and each reaction route is
/// one of the objection's routes with something to say.
fn check_reactions(c: &mut Checker, o: &Objection, ctx: &str) {
    let here = Step::Id(&o.id);
    for (name, lines) in o.reactions.kinds() {
        c.placeholders(
            &[here, Step::Field("reactions"), Step::Field(name)],
            lines,
            &["feature"],
            &format!("a `reactions.{name}` line of {ctx}"),
        );
    }
    let routes: Vec<Route> = o.resolved_by.iter().flat_map(Resolution::routes).collect();
    for r in &o.reactions.routes {
        let name = route_name(&r.when);
        let at = [here, Step::Field("routes"), route_step(&r.when)];
        if !routes.contains(&r.when) {
            let listed: Vec<String> = routes.iter().map(route_name).collect();
            c.error(
                &at,
                format!("reaction route {name} of {ctx} is not one of its `resolved_by` routes"),
                Some(if listed.is_empty() {
                    "add the route to `resolved_by` first".into()
                } else {
                    format!("its routes: {}", listed.join(", "))
                }),
            );
        }
        if r.say.iter().all(|l| l.trim().is_empty()) {
            c.error(
                &at,
                format!("reaction route {name} of {ctx} has nothing to `say`"),
                Some("add at least one line the persona says when a reply takes this route".into()),
            );
        }
        c.placeholders(
            &at,
            &r.say,
            &["feature"],
            &format!("a reaction line of {ctx}"),
        );
    }
}

/// The tags of the reply options are known ones (with a suggestion for a
/// misspelt one).
fn check_option_tags(c: &mut Checker, o: &Objection, ctx: &str) {
    let here = Step::Id(&o.id);
    for option in &o.options {
        for tag in option.tags.iter().filter(|t| !is_known_tag(t)) {
            let help = match did_you_mean(tag, all_tag_names()) {
                Some(near) => format!("did you mean \"{near}\"?"),
                None => format!("known tags: {}", all_tag_names().join(", ")),
            };
            c.error(
                &[here, Step::Field("options"), Step::Quoted(tag)],
                format!("unknown tag \"{tag}\" in a reply option of {ctx}"),
                Some(help),
            );
        }
    }
}

/// Objections that can trigger in some session; reports the others.
fn check_reachability<'s>(c: &mut Checker, s: &'s Scenario) -> HashSet<&'s str> {
    let mut reachable: HashSet<&str> = HashSet::new();
    let by_parent: HashMap<&str, Vec<&str>> =
        s.objections.iter().fold(HashMap::new(), |mut m, o| {
            if let Trigger::AfterResolved(parent) = &o.trigger {
                m.entry(parent.as_str()).or_default().push(o.id.as_str());
            }
            m
        });
    let mut stack: Vec<&str> = s
        .objections
        .iter()
        .filter(|o| match o.trigger {
            Trigger::AtStart | Trigger::AfterOffer => true,
            Trigger::AfterTurn(n) => n < s.max_turns,
            Trigger::AfterResolved(_) => false,
        })
        .map(|o| o.id.as_str())
        .collect();
    while let Some(id) = stack.pop() {
        if reachable.insert(id) {
            stack.extend(by_parent.get(id).into_iter().flatten());
        }
    }
    let by_id: HashSet<&str> = s.objections.iter().map(|o| o.id.as_str()).collect();
    for o in s
        .objections
        .iter()
        .filter(|o| !reachable.contains(o.id.as_str()))
    {
        let (why, help) = match &o.trigger {
            Trigger::AfterTurn(n) => (
                format!("it waits for turn {n} but the scenario ends after {} turns", s.max_turns),
                format!("use a turn below {}", s.max_turns),
            ),
            Trigger::AfterResolved(parent) if !by_id.contains(parent.as_str()) => continue,
            Trigger::AfterResolved(_) => (
                "it waits for an objection that is itself never raised (a cycle or a dead end)".to_string(),
                "make the chain of AfterResolved triggers start at an objection with another trigger".to_string(),
            ),
            _ => continue,
        };
        c.error(
            &[Step::Id(&o.id), Step::Field("trigger")],
            format!("objection \"{}\" can never trigger: {why}", o.id),
            Some(help),
        );
    }
    reachable
}

fn check_hidden_facts(c: &mut Checker, s: &Scenario, reachable: &HashSet<&str>) {
    let facts = &s.persona.hidden;
    c.unique_ids("hidden fact", facts.iter().map(|f| f.id.as_str()));
    let ids = Known::new(s.objections.iter().map(|o| o.id.as_str()));
    for fact in facts {
        if let Some(level) = fact.trust
            && !(0.0..=1.0).contains(&level)
        {
            c.error(
                &[Step::Id(&fact.id), Step::Field("trust")],
                format!(
                    "hidden fact \"{}\" needs trust {level} to be told, but trust runs from 0 to 1",
                    fact.id
                ),
                Some("write the least trust as a fraction, e.g. `trust: 0.4`, or leave it out for the default".into()),
            );
        }
        let here = [Step::Id(&fact.id), Step::Field("reveal")];
        let never = |why: &str| format!("hidden fact \"{}\" can never be revealed: {why}", fact.id);
        match &fact.reveal {
            Reveal::OpenQuestion { terms } | Reveal::Question { terms }
                if terms.iter().all(|t| t.trim().is_empty()) =>
            {
                c.error(
                    &here,
                    never("its reveal condition has no terms"),
                    Some("list the words a good question would use".into()),
                );
            }
            Reveal::TrustAtLeast(level) if !(0.0..=1.0).contains(level) => {
                c.error(
                    &here,
                    never(&format!("trust runs from 0 to 1, but it needs {level}")),
                    Some("write a trust level between 0.0 and 1.0, e.g. 0.7".into()),
                );
            }
            Reveal::Resolved(id) if !ids.set.contains(id.as_str()) => {
                c.reference(
                    &[Step::Id(&fact.id), Step::Quoted(id)],
                    "objection",
                    id,
                    &ids,
                    &format!("hidden fact \"{}\"", fact.id),
                );
            }
            Reveal::Resolved(id) if !reachable.contains(id.as_str()) => {
                c.error(
                    &here,
                    never(&format!("objection \"{id}\" is never raised")),
                    Some("give that objection a trigger that can fire, or reveal the fact another way".into()),
                );
            }
            _ => {}
        }
    }
    if !facts.iter().any(|f| f.kind == FactKind::Budget) {
        c.warning(
            &[Step::Field("hidden")],
            "no hidden fact of kind Budget: the player can never learn the budget".into(),
        );
    }
}
