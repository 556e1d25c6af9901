//! Validation of a JSON tree against the v1 data contract: turns an untrusted
//! [`Json`] document into a typed [`Dataset`] plus a [`Report`] naming every
//! problem by its JSON path.
//!
//! Data desks paste numbers by hand, so validation never stops at the first
//! problem and never panics: it checks everything it can reach, marks each
//! broken section [`Section::Invalid`] (the widget shows the rest) and only
//! gives up on the whole dataset when the version or the country is unusable.
//! The same code runs in the browser and in the native `validate` command, so
//! both report the same lines.

use super::json::{quoted, Json};
use super::model::{
    Country, Dataset, Date, EventCategory, Games, HistoryEntry, HostedEvent, Medal, MedalKind,
    Season, Section, Source, TableRow, Tally, SUPPORTED_VERSION,
};
use super::order;
use super::rank::{self, RankBy};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Largest document accepted, in bytes (checked before parsing).
pub const MAX_BYTES: usize = 5_000_000;
/// Earliest year anywhere in the data (the first modern Olympics).
pub const MIN_YEAR: u16 = 1896;
/// Latest year anywhere in the data.
pub const MAX_YEAR: u16 = 2100;
/// Largest medal count of one colour (a table row, a history entry).
pub const MAX_MEDAL_COUNT: u32 = 10_000;
/// Largest rank accepted (a rank can never exceed the number of rows).
pub const MAX_RANK: u32 = MAX_TABLE_ROWS as u32;
/// Largest hosted-event figure (nations, athletes, sports, events).
pub const MAX_FIGURE: u32 = 1_000_000;
/// Longest name-like string (names, cities, sports, events, athletes, labels), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest free-text string (`summary`, `host_result`, `rank_note`), in characters.
pub const MAX_TEXT_CHARS: usize = 2_000;
/// Longest URL, in characters.
pub const MAX_URL_CHARS: usize = 2_000;
/// Longest hosted-event `id`, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Most rows in `table`.
pub const MAX_TABLE_ROWS: usize = 20_000;
/// Most entries in `hosted`.
pub const MAX_HOSTED: usize = 5_000;
/// Most entries in `medals`.
pub const MAX_MEDALS: usize = 2_000;
/// Most entries in `history`.
pub const MAX_HISTORY: usize = 200;
/// Most athletes listed for one medal.
pub const MAX_ATHLETES: usize = 100;
/// Most entries in `sources`.
pub const MAX_SOURCES: usize = 100;
/// Most languages in `country.names`.
pub const MAX_NAMES: usize = 100;
/// Deepest JSON nesting accepted by the parser (see [`super::json::MAX_DEPTH`]).
pub const MAX_DEPTH: usize = super::json::MAX_DEPTH;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The part at the path cannot be shown.
    Error,
    /// Worth fixing, but the data is shown as it is (e.g. an unknown field).
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// One finding, located by JSON path (`table[12].gold`; `$` is the whole document).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// Where: `country.code`, `medals[3].athletes[0]`, `$` for the root.
    pub path: String,
    /// What was expected and what was found.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// The outcome of validating one document.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The usable data; `None` only when the root, `version` or `country` is broken.
    pub dataset: Option<Dataset>,
    /// Every problem found, in the order checked (root, version, country,
    /// then each section in turn; within a section, document order).
    pub problems: Vec<Problem>,
}

impl Report {
    /// The problems of severity [`Severity::Error`].
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Error)
    }

    /// The problems of severity [`Severity::Warning`].
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems
            .iter()
            .filter(|p| p.severity == Severity::Warning)
    }

    /// Whether any problem is an error.
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }

    /// Problems at `prefix` or inside it: `"table"` matches `table` and
    /// `table[3].gold` but not `tables`.
    pub fn problems_under(&self, prefix: &str) -> Vec<&Problem> {
        self.problems
            .iter()
            .filter(|p| path_is_under(&p.path, prefix))
            .collect()
    }
}

fn path_is_under(path: &str, prefix: &str) -> bool {
    match path.strip_prefix(prefix) {
        Some(rest) => rest.is_empty() || rest.starts_with('.') || rest.starts_with('['),
        None => false,
    }
}

/// Text into the tree [`validate`] reads: text over [`MAX_BYTES`] is refused
/// before parsing, malformed JSON gives the parser's line and column after
/// `not_json` (the command says "invalid JSON", the widget "not valid JSON").
/// `float` reads the numbers that are not small integers (see
/// [`super::json::parse_with`]).
pub fn read_json(text: &str, float: fn(&str) -> f64, not_json: &str) -> Result<Json, String> {
    if text.len() > MAX_BYTES {
        return Err(too_long(text.len()));
    }
    super::json::parse_with(text, float).map_err(|e| format!("{not_json}: {e}"))
}

/// [`read_json`], then [`validate`]; text that cannot be read is one error at `$`.
pub fn validate_text(text: &str, float: fn(&str) -> f64, not_json: &str) -> Report {
    match read_json(text, float, not_json) {
        Ok(doc) => validate(&doc),
        Err(message) => fatal(message),
    }
}

fn too_long(bytes: usize) -> String {
    format!("expected at most {MAX_BYTES} bytes, found {bytes}")
}

/// The command's [`validate_text`], with Rust's own float parser.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_str(text: &str) -> Report {
    validate_text(text, super::json::std_float, "invalid JSON")
}

/// Like [`validate_str`] for raw file contents, which may not be UTF-8.
#[cfg(not(target_arch = "wasm32"))]
pub fn validate_bytes(bytes: &[u8]) -> Report {
    if bytes.len() > MAX_BYTES {
        return fatal(too_long(bytes.len()));
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => validate_str(text),
        Err(e) => fatal(format!("invalid JSON: not UTF-8 text ({e})")),
    }
}

fn fatal(message: String) -> Report {
    Report {
        dataset: None,
        problems: vec![Problem {
            severity: Severity::Error,
            path: "$".into(),
            message,
        }],
    }
}

/// Validates a parsed document against the v1 contract, collecting every problem.
pub fn validate(doc: &Json) -> Report {
    let mut ck = Checker::default();
    let dataset = check_document(&mut ck, doc);
    Report {
        dataset,
        problems: ck.problems,
    }
}

const ROOT_KEYS: &[&str] = &[
    "$schema", "version", "country", "games", "medals", "table", "history", "hosted", "sources",
    "as_of",
];

fn check_document(ck: &mut Checker, doc: &Json) -> Option<Dataset> {
    let root = ck.object(
        doc,
        "$",
        "an object (the medal-summary document)",
        ROOT_KEYS,
    )?;
    let before = ck.errors;
    match root.get("version") {
        None => ck.err("version", format!("missing (expected {SUPPORTED_VERSION})")),
        Some(Json::Number(n)) if *n == f64::from(SUPPORTED_VERSION) => {}
        Some(v) => {
            // A newer document's other fields follow other rules: judging
            // them by v1's would only bury the one problem that matters.
            ck.err(
                "version",
                format!(
                    "unsupported version: expected {SUPPORTED_VERSION}, found {}",
                    v.describe()
                ),
            );
            return None;
        }
    }
    let country = match root.get("country") {
        None => {
            ck.err(
                "country",
                "missing (expected an object with code and name)".to_string(),
            );
            None
        }
        Some(v) => check_country(ck, v),
    };
    let fatal = ck.errors > before;
    if let Some(v) = root.get("$schema") {
        ck.text(Some(v), "$schema", MAX_URL_CHARS, false);
    }

    let games = ck.section(root.get("games"), check_games);
    let mut medals = ck.section(root.get("medals"), check_medals);
    let code = country.as_ref().map(|c| c.code.as_str());
    let table = ck.section(root.get("table"), |ck, v| check_table(ck, v, code));
    if let (Section::Valid(list), Some(rows), Some(code)) = (&medals, table.valid(), code) {
        if !medals_agree(ck, list, rows, code) {
            medals = Section::Invalid;
        }
    }
    let history = ck.section(root.get("history"), check_history);
    let hosted = ck.section(root.get("hosted"), check_hosted);
    let sources = root
        .get("sources")
        .map(|v| check_sources(ck, v))
        .unwrap_or_default();
    let as_of = root.get("as_of").and_then(|v| check_as_of(ck, v));

    if fatal {
        return None;
    }
    Some(Dataset {
        country: country?,
        games,
        medals,
        table,
        history,
        hosted,
        sources,
        as_of,
    })
}

fn check_country(ck: &mut Checker, v: &Json) -> Option<Country> {
    let o = ck.object(
        v,
        "country",
        "an object with code and name",
        &["code", "name", "names"],
    )?;
    let code = ck.code(o.get("code"), "country.code");
    let name = ck.text(o.get("name"), "country.name", MAX_NAME_CHARS, true);
    let mut names = BTreeMap::new();
    if let Some(v) = o.get("names").filter(|v| **v != Json::Null) {
        if let Some(map) = ck.object(v, "country.names", "an object of names by language", &[]) {
            if map.members.len() > MAX_NAMES {
                ck.err(
                    "country.names",
                    format!(
                        "expected at most {MAX_NAMES} languages, found {}",
                        map.members.len()
                    ),
                );
            } else {
                for (lang, value) in map.members {
                    let path = field("country.names", lang);
                    if !is_language_tag(lang) {
                        ck.err(
                            &path,
                            format!(
                                "expected a language tag like \"fr\" or \"pt-BR\" as key, found {}",
                                quoted(lang)
                            ),
                        );
                        continue;
                    }
                    if let Some(n) = ck.text(Some(value), &path, MAX_NAME_CHARS, true) {
                        names.entry(lang.clone()).or_insert(n);
                    }
                }
            }
        }
    }
    Some(Country {
        code: code?,
        name: name?,
        names,
    })
}

fn is_language_tag(s: &str) -> bool {
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

fn check_games(ck: &mut Checker, v: &Json) -> Option<Games> {
    let o = ck.object(
        v,
        "games",
        "an object with name, year, season and city",
        &["name", "year", "season", "city"],
    )?;
    let name = ck.text(o.get("name"), "games.name", MAX_NAME_CHARS, true);
    let year = ck.year(o.get("year"), "games.year");
    let season = ck.season(o.get("season"), "games.season");
    let city = ck.text(o.get("city"), "games.city", MAX_NAME_CHARS, true);
    Some(Games {
        name: name?,
        year: year?,
        season: season?,
        city: city?,
    })
}

fn check_medals(ck: &mut Checker, v: &Json) -> Option<Vec<Medal>> {
    let items = ck.array(v, "medals", "medals", MAX_MEDALS)?;
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("medals", i);
        let Some(o) = ck.object(
            item,
            &path,
            "an object (a medal)",
            &["medal", "athletes", "sport", "event", "date"],
        ) else {
            continue;
        };
        let medal = ck.choice(
            o.get("medal"),
            &field(&path, "medal"),
            MedalKind::parse,
            "\"gold\", \"silver\" or \"bronze\"",
            true,
        );
        let athletes = check_athletes(ck, o.get("athletes"), &field(&path, "athletes"));
        let sport = ck.text(o.get("sport"), &field(&path, "sport"), MAX_NAME_CHARS, true);
        let event = ck.text(o.get("event"), &field(&path, "event"), MAX_NAME_CHARS, true);
        let date = ck.date(o.get("date"), &field(&path, "date"), true);
        if let (Some(medal), Some(athletes), Some(sport), Some(event), Some(date)) =
            (medal, athletes, sport, event, date)
        {
            out.push(Medal {
                medal,
                athletes,
                sport,
                event,
                date,
            });
        }
    }
    Some(out)
}

fn check_athletes(ck: &mut Checker, v: Option<&Json>, path: &str) -> Option<Vec<String>> {
    let Some(v) = v else {
        ck.err(
            path,
            "missing (expected a non-empty list of athlete or team names)".into(),
        );
        return None;
    };
    let items = ck.array(v, path, "athletes", MAX_ATHLETES)?;
    if items.is_empty() {
        ck.err(
            path,
            "expected a non-empty list of athlete or team names, found an array of 0".into(),
        );
        return None;
    }
    let mut out = Vec::with_capacity(items.len());
    let mut ok = true;
    for (i, a) in items.iter().enumerate() {
        match ck.text(Some(a), &index(path, i), MAX_NAME_CHARS, true) {
            Some(s) => out.push(s),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// Whether the medals list agrees, colour by colour, with the country's table row.
fn medals_agree(ck: &mut Checker, medals: &[Medal], rows: &[TableRow], code: &str) -> bool {
    let Some((i, row)) = rows.iter().enumerate().find(|(_, r)| r.code == code) else {
        return true;
    };
    let mut listed = Tally::default();
    for m in medals {
        listed.add(m.medal);
    }
    let mut agree = true;
    for kind in MedalKind::ALL {
        let (n, m) = (listed.get(kind), row.tally.get(kind));
        if n != m {
            agree = false;
            let s = if n == 1 { "" } else { "s" };
            ck.err(
                "medals",
                format!(
                    "{n} {} medal{s} listed, but table[{i}] ({code}) has {m}",
                    kind.as_str()
                ),
            );
        }
    }
    agree
}

fn check_tally(ck: &mut Checker, o: &Obj<'_>, path: &str) -> Option<Tally> {
    let gold = ck.count(o.get("gold"), &field(path, "gold"));
    let silver = ck.count(o.get("silver"), &field(path, "silver"));
    let bronze = ck.count(o.get("bronze"), &field(path, "bronze"));
    let total = ck.whole(
        o.get("total"),
        &field(path, "total"),
        0,
        3 * MAX_MEDAL_COUNT,
        false,
    );
    let tally = Tally {
        gold: gold?,
        silver: silver?,
        bronze: bronze?,
    };
    if let Some(total) = total {
        if total != tally.total() {
            ck.err(
                &field(path, "total"),
                format!(
                    "expected {} ({} + {} + {}), found {total}",
                    tally.total(),
                    tally.gold,
                    tally.silver,
                    tally.bronze
                ),
            );
            return None;
        }
    }
    Some(tally)
}

/// First index of each key: one map type for every duplicate check, so the
/// wasm carries one copy of the hash table code instead of four.
type FirstAt = HashMap<String, usize>;

fn check_table(ck: &mut Checker, v: &Json, country: Option<&str>) -> Option<Vec<TableRow>> {
    let items = ck.array(v, "table", "rows", MAX_TABLE_ROWS)?;
    let mut rows = Vec::with_capacity(items.len());
    let mut first_at: FirstAt = HashMap::with_capacity(items.len());
    let mut complete = true;
    for (i, item) in items.iter().enumerate() {
        let path = index("table", i);
        let Some(o) = ck.object(
            item,
            &path,
            "an object (a table row)",
            &[
                "code", "name", "gold", "silver", "bronze", "total", "rank", "ranked",
            ],
        ) else {
            complete = false;
            continue;
        };
        let code = ck.code(o.get("code"), &field(&path, "code"));
        if let Some(code) = &code {
            if let Some(first) = first_at.get(code) {
                ck.err(
                    &field(&path, "code"),
                    format!("duplicate code \"{code}\", first at table[{first}]"),
                );
            } else {
                first_at.insert(code.clone(), i);
            }
        }
        let name = ck.text(o.get("name"), &field(&path, "name"), MAX_NAME_CHARS, true);
        let tally = check_tally(ck, &o, &path);
        let rank = ck.whole(o.get("rank"), &field(&path, "rank"), 1, MAX_RANK, false);
        let ranked_given = o.get("ranked").filter(|v| **v != Json::Null);
        let ranked = ck.boolean(ranked_given, &field(&path, "ranked"));
        // A broken `ranked` would make every rank below it look wrong.
        if ranked_given.is_some() && ranked.is_none() {
            complete = false;
        }
        let ranked = ranked.unwrap_or(true);
        if let (false, Some(r)) = (ranked, rank) {
            ck.err(
                &field(&path, "rank"),
                format!("expected no rank for an unranked row (ranked is false), found {r}"),
            );
        }
        match (code, name, tally) {
            (Some(code), Some(name), Some(tally)) => rows.push(TableRow {
                code,
                name,
                tally,
                rank,
                ranked,
            }),
            _ => complete = false,
        }
    }
    // Ranks and the country's presence can only be judged on the whole table.
    if !complete {
        return None;
    }
    let mut placings = rank::rank(&rows, RankBy::Gold);
    // Report in document order, like every other problem.
    order::sort_by(&mut placings, &mut |a, b| a.row.cmp(&b.row));
    for p in placings {
        let row = &rows[p.row];
        if let (Some(given), Some(computed), true) = (row.rank, p.rank, row.ranked) {
            if given != computed {
                ck.err(
                    &format!("table[{}].rank", p.row),
                    format!("expected {computed} (computed gold-first), found {given}"),
                );
            }
        }
    }
    if let Some(code) = country {
        if !first_at.contains_key(code) {
            ck.err(
                "table",
                format!("expected a row for the card's country ({code}), found none"),
            );
        }
    }
    Some(rows)
}

fn check_history(ck: &mut Checker, v: &Json) -> Option<Vec<HistoryEntry>> {
    let items = ck.array(v, "history", "entries", MAX_HISTORY)?;
    let mut out = Vec::with_capacity(items.len());
    let mut first_at: FirstAt = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        let path = index("history", i);
        let Some(o) = ck.object(
            item,
            &path,
            "an object (one Games)",
            &[
                "year",
                "season",
                "city",
                "gold",
                "silver",
                "bronze",
                "total",
                "rank",
                "rank_note",
            ],
        ) else {
            continue;
        };
        let year = ck.year(o.get("year"), &field(&path, "year"));
        let season = ck.season(o.get("season"), &field(&path, "season"));
        let city = ck.text(o.get("city"), &field(&path, "city"), MAX_NAME_CHARS, true);
        let tally = check_tally(ck, &o, &path);
        let rank = ck.whole(o.get("rank"), &field(&path, "rank"), 1, MAX_RANK, false);
        let rank_note = ck.text(
            o.get("rank_note"),
            &field(&path, "rank_note"),
            MAX_TEXT_CHARS,
            false,
        );
        if let (Some(year), Some(season)) = (year, season) {
            let key = format!("{year} {}", season.as_str());
            if let Some(first) = first_at.get(&key) {
                ck.err(
                    &path,
                    format!(
                        "duplicate Games ({year} {}), first at history[{first}]",
                        season.as_str()
                    ),
                );
            } else {
                first_at.insert(key, i);
            }
        }
        if let (Some(year), Some(season), Some(city), Some(tally)) = (year, season, city, tally) {
            out.push(HistoryEntry {
                year,
                season,
                city,
                tally,
                rank,
                rank_note,
            });
        }
    }
    Some(out)
}

const HOSTED_KEYS: &[&str] = &[
    "id",
    "name",
    "year",
    "city",
    "start",
    "end",
    "category",
    "nations",
    "athletes",
    "sports",
    "events",
    "host_result",
    "summary",
    "url",
];

fn check_hosted(ck: &mut Checker, v: &Json) -> Option<Vec<HostedEvent>> {
    let items = ck.array(v, "hosted", "events", MAX_HOSTED)?;
    let mut out = Vec::with_capacity(items.len());
    let mut first_at: FirstAt = HashMap::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = index("hosted", i);
        let Some(o) = ck.object(item, &path, "an object (a hosted event)", HOSTED_KEYS) else {
            continue;
        };
        let id = ck.id(o.get("id"), &field(&path, "id"));
        if let Some(id) = &id {
            if let Some(first) = first_at.get(id) {
                ck.err(
                    &field(&path, "id"),
                    format!("duplicate id {}, first at hosted[{first}]", quoted(id)),
                );
            } else {
                first_at.insert(id.clone(), i);
            }
        }
        let name = ck.text(o.get("name"), &field(&path, "name"), MAX_NAME_CHARS, true);
        let year = ck.year(o.get("year"), &field(&path, "year"));
        let city = ck.text(o.get("city"), &field(&path, "city"), MAX_NAME_CHARS, true);
        let start = ck.date(o.get("start"), &field(&path, "start"), true);
        let end = ck.date(o.get("end"), &field(&path, "end"), true);
        if let (Some(year), Some(start)) = (year, start) {
            if year != start.year {
                ck.err(
                    &field(&path, "year"),
                    format!("expected {} (the year of start), found {year}", start.year),
                );
            }
        }
        if let (Some(start), Some(end)) = (start, end) {
            if end < start {
                ck.err(
                    &field(&path, "end"),
                    format!("expected a date on or after start ({start}), found \"{end}\""),
                );
            }
        }
        let category = ck
            .choice(
                o.get("category"),
                &field(&path, "category"),
                EventCategory::parse,
                "\"multi-sport\" or \"other\"",
                false,
            )
            .unwrap_or(EventCategory::MultiSport);
        let mut figure = |key: &str| ck.whole(o.get(key), &field(&path, key), 0, MAX_FIGURE, false);
        let (nations, athletes, sports, events) = (
            figure("nations"),
            figure("athletes"),
            figure("sports"),
            figure("events"),
        );
        let host_result = ck.text(
            o.get("host_result"),
            &field(&path, "host_result"),
            MAX_TEXT_CHARS,
            false,
        );
        let summary = ck.text(
            o.get("summary"),
            &field(&path, "summary"),
            MAX_TEXT_CHARS,
            false,
        );
        let url = ck.url(o.get("url"), &field(&path, "url"), false);
        if let (Some(id), Some(name), Some(year), Some(city), Some(start), Some(end)) =
            (id, name, year, city, start, end)
        {
            out.push(HostedEvent {
                id,
                name,
                year,
                city,
                start,
                end,
                category,
                nations,
                athletes,
                sports,
                events,
                host_result,
                summary,
                url,
            });
        }
    }
    Some(out)
}

fn check_sources(ck: &mut Checker, v: &Json) -> Vec<Source> {
    let mut out = Vec::new();
    let Some(items) = ck.array(v, "sources", "sources", MAX_SOURCES) else {
        return out;
    };
    for (i, item) in items.iter().enumerate() {
        let path = index("sources", i);
        let before = ck.errors;
        let Some(o) = ck.object(item, &path, "an object with a label", &["label", "url"]) else {
            continue;
        };
        let label = ck.text(o.get("label"), &field(&path, "label"), MAX_NAME_CHARS, true);
        let url = ck.url(o.get("url"), &field(&path, "url"), false);
        // A source with any error is dropped whole: a label pointing at the
        // wrong place is worse than no citation.
        if let (Some(label), true) = (label, ck.errors == before) {
            out.push(Source { label, url });
        }
    }
    out
}

const TIMESTAMP: &str = "an ISO date or timestamp (YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM])";

fn check_as_of(ck: &mut Checker, v: &Json) -> Option<String> {
    if *v == Json::Null {
        return None;
    }
    match v {
        Json::String(s) if is_timestamp(s) => Some(s.clone()),
        _ => {
            ck.err(
                "as_of",
                format!("expected {TIMESTAMP}, found {}", v.describe()),
            );
            None
        }
    }
}

/// `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM(:SS)?(Z|±HH:MM)?`, date in range.
fn is_timestamp(s: &str) -> bool {
    let (Some(date), rest) = (s.get(..10).and_then(Date::parse), s.get(10..)) else {
        return false;
    };
    if !(MIN_YEAR..=MAX_YEAR).contains(&date.year) {
        return false;
    }
    let Some(rest) = rest.filter(|r| !r.is_empty()) else {
        return true;
    };
    let b = rest.as_bytes();
    let two = |i: usize, max: u32| -> bool {
        b.len() >= i + 2
            && b[i].is_ascii_digit()
            && b[i + 1].is_ascii_digit()
            && u32::from(b[i] - b'0') * 10 + u32::from(b[i + 1] - b'0') <= max
    };
    // "THH:MM"
    if b[0] != b'T' || !two(1, 23) || b.get(3) != Some(&b':') || !two(4, 59) {
        return false;
    }
    let mut i = 6;
    if b.get(i) == Some(&b':') {
        if !two(i + 1, 59) {
            return false;
        }
        i += 3;
    }
    match b.get(i) {
        None => true,
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            two(i + 1, 23) && b.get(i + 3) == Some(&b':') && two(i + 4, 59) && i + 6 == b.len()
        }
        Some(_) => false,
    }
}

/// `a.b` for plain keys, `a["odd key"]` for the rest, so a path stays unambiguous.
fn field(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'$');
    match (path, plain) {
        ("$", true) => key.to_string(),
        ("$", false) => format!("$[{}]", quoted(key)),
        (_, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", quoted(key)),
    }
}

fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// An object's members, after duplicate and unknown keys were reported.
struct Obj<'a> {
    members: &'a [(String, Json)],
}

impl<'a> Obj<'a> {
    fn get(&self, key: &str) -> Option<&'a Json> {
        self.members.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
}

/// Accumulates problems; `errors` counts them so a section can tell whether
/// it added any.
#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
    errors: usize,
}

impl Checker {
    fn err(&mut self, path: &str, message: String) {
        self.errors += 1;
        self.problems.push(Problem {
            severity: Severity::Error,
            path: path.to_string(),
            message,
        });
    }

    fn warn(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            severity: Severity::Warning,
            path: path.to_string(),
            message,
        });
    }

    /// Absent, valid, or invalid as soon as checking it added an error.
    fn section<T>(
        &mut self,
        v: Option<&Json>,
        check: impl FnOnce(&mut Checker, &Json) -> Option<T>,
    ) -> Section<T> {
        let Some(v) = v.filter(|v| **v != Json::Null) else {
            return Section::Absent;
        };
        let before = self.errors;
        match check(self, v) {
            Some(t) if self.errors == before => Section::Valid(t),
            _ => Section::Invalid,
        }
    }

    /// `known` empty means any key is allowed (a map such as `country.names`).
    fn object<'a>(
        &mut self,
        v: &'a Json,
        path: &str,
        expected: &str,
        known: &[&str],
    ) -> Option<Obj<'a>> {
        let Json::Object(members) = v else {
            self.err(path, format!("expected {expected}, found {}", v.describe()));
            return None;
        };
        // key -> first index, occurrences counted at that index: one pass,
        // so a hostile object with a million keys stays linear.
        let mut first_at: FirstAt = HashMap::with_capacity(members.len());
        let mut count = vec![0usize; members.len()];
        for (i, (k, _)) in members.iter().enumerate() {
            count[*first_at.entry(k.clone()).or_insert(i)] += 1;
        }
        for (i, (k, _)) in members.iter().enumerate() {
            let n = count[i];
            if n == 0 {
                continue;
            }
            if n > 1 {
                // Parsers disagree on which copy wins (JSON.parse keeps the last); refuse to guess.
                self.err(
                    &field(path, k),
                    format!("expected the field {} once, found it {n} times", quoted(k)),
                );
            }
            if !known.is_empty() && !known.contains(&k.as_str()) {
                self.warn(path, format!("unknown field {}, ignored", quoted(k)));
            }
        }
        Some(Obj { members })
    }

    fn array<'a>(
        &mut self,
        v: &'a Json,
        path: &str,
        items: &str,
        max: usize,
    ) -> Option<&'a [Json]> {
        let Json::Array(a) = v else {
            self.err(
                path,
                format!("expected an array of {items}, found {}", v.describe()),
            );
            return None;
        };
        if a.len() > max {
            self.err(
                path,
                format!("expected at most {max} {items}, found {}", a.len()),
            );
            return None;
        }
        Some(a)
    }

    /// `None` (after reporting) when required and missing, or when invalid;
    /// an optional field may be absent or `null`.
    fn present<'a>(
        &mut self,
        v: Option<&'a Json>,
        path: &str,
        expected: &str,
        required: bool,
    ) -> Option<&'a Json> {
        match v {
            None if required => {
                self.err(path, format!("missing (expected {expected})"));
                None
            }
            None => None,
            Some(Json::Null) if !required => None,
            Some(v) => Some(v),
        }
    }

    fn text(&mut self, v: Option<&Json>, path: &str, max: usize, required: bool) -> Option<String> {
        let v = self.present(v, path, "a non-empty string", required)?;
        let Json::String(s) = v else {
            self.err(path, format!("expected a string, found {}", v.describe()));
            return None;
        };
        if s.trim().is_empty() {
            self.err(
                path,
                format!("expected a non-empty string, found {}", v.describe()),
            );
            return None;
        }
        let n = s.chars().count();
        if n > max {
            self.err(
                path,
                format!("expected at most {max} characters, found {n}"),
            );
            return None;
        }
        if let Some((i, c)) = s.chars().enumerate().find(|(_, c)| c.is_control()) {
            self.err(
                path,
                format!(
                    "expected no control characters, found U+{:04X} at character {}",
                    u32::from(c),
                    i + 1
                ),
            );
            return None;
        }
        Some(s.clone())
    }

    fn code(&mut self, v: Option<&Json>, path: &str) -> Option<String> {
        const WANT: &str = "an IOC code of 3 capital letters";
        let v = self.present(v, path, WANT, true)?;
        match v {
            Json::String(s) if s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()) => {
                Some(s.clone())
            }
            _ => {
                self.err(path, format!("expected {WANT}, found {}", v.describe()));
                None
            }
        }
    }

    fn id(&mut self, v: Option<&Json>, path: &str) -> Option<String> {
        const WANT: &str = "an id of letters, digits, '-', '_' or '.'";
        let v = self.present(v, path, WANT, true)?;
        match v {
            Json::String(s)
                if !s.is_empty()
                    && s.len() <= MAX_ID_CHARS
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)) =>
            {
                Some(s.clone())
            }
            Json::String(s) if s.chars().count() > MAX_ID_CHARS => {
                self.err(
                    path,
                    format!(
                        "expected at most {MAX_ID_CHARS} characters, found {}",
                        s.chars().count()
                    ),
                );
                None
            }
            _ => {
                self.err(path, format!("expected {WANT}, found {}", v.describe()));
                None
            }
        }
    }

    fn url(&mut self, v: Option<&Json>, path: &str, required: bool) -> Option<String> {
        let v = self.present(v, path, "an http:// or https:// URL", required)?;
        let s = self.text(Some(v), path, MAX_URL_CHARS, true)?;
        if s.chars().any(char::is_whitespace) {
            self.err(
                path,
                format!("expected a URL without spaces, found {}", v.describe()),
            );
            return None;
        }
        let lower = s.get(..8).unwrap_or(&s).to_ascii_lowercase();
        let rest = if lower.starts_with("https://") {
            &s[8..]
        } else if lower.starts_with("http://") {
            &s[7..]
        } else {
            ""
        };
        if rest.is_empty() || rest.starts_with('/') {
            self.err(
                path,
                format!(
                    "expected an absolute http:// or https:// URL, found {}",
                    v.describe()
                ),
            );
            return None;
        }
        Some(s)
    }

    fn whole(
        &mut self,
        v: Option<&Json>,
        path: &str,
        min: u32,
        max: u32,
        required: bool,
    ) -> Option<u32> {
        let want = format!("a whole number ≥ {min}");
        let v = self.present(v, path, &want, required)?;
        match v {
            Json::Number(n) if n.fract() == 0.0 && *n >= f64::from(min) => {
                if *n > f64::from(max) {
                    self.err(
                        path,
                        format!("expected a whole number ≤ {max}, found {}", v.describe()),
                    );
                    None
                } else {
                    Some(*n as u32)
                }
            }
            _ => {
                self.err(path, format!("expected {want}, found {}", v.describe()));
                None
            }
        }
    }

    fn count(&mut self, v: Option<&Json>, path: &str) -> Option<u32> {
        self.whole(v, path, 0, MAX_MEDAL_COUNT, true)
    }

    fn year(&mut self, v: Option<&Json>, path: &str) -> Option<u16> {
        let want = format!("a year from {MIN_YEAR} to {MAX_YEAR}");
        let v = self.present(v, path, &want, true)?;
        match v {
            Json::Number(n)
                if n.fract() == 0.0 && (f64::from(MIN_YEAR)..=f64::from(MAX_YEAR)).contains(n) =>
            {
                Some(*n as u16)
            }
            _ => {
                self.err(path, format!("expected {want}, found {}", v.describe()));
                None
            }
        }
    }

    fn date(&mut self, v: Option<&Json>, path: &str, required: bool) -> Option<Date> {
        let v = self.present(v, path, "a date YYYY-MM-DD", required)?;
        let Some(d) = (match v {
            Json::String(s) => Date::parse(s),
            _ => None,
        }) else {
            self.err(
                path,
                format!("expected a valid date YYYY-MM-DD, found {}", v.describe()),
            );
            return None;
        };
        if !(MIN_YEAR..=MAX_YEAR).contains(&d.year) {
            self.err(
                path,
                format!("expected a date from {MIN_YEAR}-01-01 to {MAX_YEAR}-12-31, found \"{d}\""),
            );
            return None;
        }
        Some(d)
    }

    fn season(&mut self, v: Option<&Json>, path: &str) -> Option<Season> {
        self.choice(v, path, Season::parse, "\"summer\" or \"winter\"", true)
    }

    fn choice<T>(
        &mut self,
        v: Option<&Json>,
        path: &str,
        parse: fn(&str) -> Option<T>,
        options: &str,
        required: bool,
    ) -> Option<T> {
        let v = self.present(v, path, options, required)?;
        let parsed = match v {
            Json::String(s) => parse(s),
            _ => None,
        };
        if parsed.is_none() {
            self.err(path, format!("expected {options}, found {}", v.describe()));
        }
        parsed
    }

    fn boolean(&mut self, v: Option<&Json>, path: &str) -> Option<bool> {
        let v = self.present(v, path, "true or false", false)?;
        match v {
            Json::Bool(b) => Some(*b),
            _ => {
                self.err(
                    path,
                    format!("expected true or false, found {}", v.describe()),
                );
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_match_whole_path_segments() {
        assert!(path_is_under("table", "table"));
        assert!(path_is_under("table[3].gold", "table"));
        assert!(path_is_under("country.code", "country"));
        assert!(!path_is_under("tables", "table"));
        assert!(!path_is_under("tab", "table"));
    }

    #[test]
    fn timestamps() {
        for ok in [
            "2024-08-19",
            "2024-08-19T10:30",
            "2024-08-19T10:30:05",
            "2024-08-19T10:30Z",
            "2024-08-19T10:30:05+02:00",
            "2024-08-19T23:59:59-11:30",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in [
            "",
            "2024-08-19T",
            "2024-08-19 10:30",
            "2024-08-19T24:00",
            "2024-08-19T10:60",
            "2024-08-19T10:30:05+0200",
            "2024-08-19T10:30Zx",
            "2023-02-29",
            "1895-12-31",
            "2024-08-19T10:30:05.123Z",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn paths_quote_odd_keys() {
        assert_eq!(field("$", "table"), "table");
        assert_eq!(field("country.names", "pt-BR"), "country.names.pt-BR");
        assert_eq!(field("country.names", "a b"), "country.names[\"a b\"]");
        assert_eq!(index("table", 12), "table[12]");
    }

    #[test]
    fn language_tags() {
        for ok in ["fr", "az", "pt-BR", "zh-Hant-TW", "ast"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "f", "FR", "fr_FR", "fr-", "abcd", "fr-toolongsub"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }
}
