//! Native tests of the data contract: the default dataset against the copied
//! source facts, the official Paris 2024 ranking, the invalid/valid corpus,
//! hostile and oversized inputs, the `medal-summary` command and ranking
//! properties.
#![cfg(not(target_arch = "wasm32"))]

use medal_summary::cli::problem_line;
use medal_summary::data::json::Json;
use medal_summary::data::model::{
    Dataset, EventCategory, MedalKind, Section, TableRow, Tally, SUPPORTED_VERSION,
};
use medal_summary::data::rank::{self, RankBy};
use medal_summary::data::validate::{self, validate_bytes, validate_str, Report, Severity};
use proptest::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(repo(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn source(name: &str) -> Value {
    serde_json::from_str(&read(&format!("tests/fixtures/source/{name}"))).unwrap()
}

fn lines(report: &Report) -> Vec<String> {
    report.problems.iter().map(problem_line).collect()
}

fn default_dataset() -> Dataset {
    let report = validate_str(&read("www/data/aze-paris2024.json"));
    assert_eq!(lines(&report), Vec::<String>::new());
    report.dataset.expect("dataset")
}

fn u(v: &Value) -> u32 {
    u32::try_from(v.as_u64().unwrap_or_else(|| panic!("not a count: {v}"))).unwrap()
}

fn tally_of(v: &Value) -> Tally {
    Tally {
        gold: u(&v["gold"]),
        silver: u(&v["silver"]),
        bronze: u(&v["bronze"]),
    }
}

// ---------------------------------------------------------------- dataset

#[test]
fn default_dataset_has_no_problems_and_every_section() {
    let d = default_dataset();
    assert_eq!(d.country.code, "AZE");
    assert_eq!(d.country.name_in("fr"), "Azerbaïdjan");
    assert_eq!(d.country.name_in("az"), "Azərbaycan");
    assert_eq!(d.country.name_in("ru"), "Азербайджан");
    let games = d.games.valid().expect("games");
    assert_eq!((games.name.as_str(), games.year), ("Paris 2024", 2024));
    assert_eq!(d.medals.valid().map(Vec::len), Some(7));
    assert_eq!(d.table.valid().map(Vec::len), Some(92));
    assert_eq!(d.history.valid().map(Vec::len), Some(8));
    assert!(d.hosted.valid().is_some_and(|h| h.len() >= 3));
    assert!(!d.sources.is_empty());
    assert_eq!(d.as_of.as_deref(), Some("2024-08-19"));
}

#[test]
fn minimal_dataset_has_no_table() {
    let report = validate_str(&read("www/data/minimal.json"));
    assert_eq!(lines(&report), Vec::<String>::new());
    let d = report.dataset.unwrap();
    assert_eq!(d.table, Section::Absent);
    assert_eq!(d.history, Section::Absent);
    assert_eq!(d.hosted, Section::Absent);
    assert_eq!(d.medals.valid().map(Vec::len), Some(7));
    assert!(d.country_row().is_none());
}

#[test]
fn ranking_reproduces_the_official_paris_2024_table() {
    let src = source("paris2024_medal_table.json");
    let ranked = src["medal_table"].as_array().unwrap();
    let unranked = src["unranked_participants_with_medals"].as_array().unwrap();
    assert_eq!(ranked.len(), 91);
    // Rows built without ranks, so the official rank can only come out of
    // rank::rank; listed in reverse so input order cannot help either.
    let row = |v: &Value, is_ranked: bool| TableRow {
        code: v["noc"].as_str().unwrap().to_string(),
        name: v["name"].as_str().unwrap().to_string(),
        tally: tally_of(v),
        rank: None,
        ranked: is_ranked,
    };
    let mut rows: Vec<TableRow> = ranked.iter().map(|v| row(v, true)).collect();
    rows.extend(unranked.iter().map(|v| row(v, false)));
    rows.reverse();
    let placings = rank::rank(&rows, RankBy::Gold);
    for v in ranked {
        let code = v["noc"].as_str().unwrap();
        let p = rank::placing_of(&rows, &placings, code).unwrap();
        assert_eq!(p.rank, Some(u(&v["rank"])), "{code}");
    }
    let label = |code: &str| rank::placing_of(&rows, &placings, code).unwrap().label();
    assert_eq!(label("AZE"), "=30");
    assert_eq!(label("CRO"), "=30");
    assert_eq!(label("USA"), "1");
    assert_eq!(label("AIN"), "");
    assert_eq!(rank::ranked_count(&rows), 91);
    let aze = rank::placing_of(&rows, &placings, "AZE").unwrap();
    let shared: Vec<&str> = rank::shared_with(&rows, &placings, &aze)
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(shared, ["CRO"]);
}

#[test]
fn dataset_table_matches_the_source_table() {
    let d = default_dataset();
    let table = d.table.valid().unwrap();
    let src = source("paris2024_medal_table.json");
    let ranked = src["medal_table"].as_array().unwrap();
    let unranked = src["unranked_participants_with_medals"].as_array().unwrap();
    assert_eq!(table.len(), ranked.len() + unranked.len());
    for (v, is_ranked) in ranked
        .iter()
        .map(|v| (v, true))
        .chain(unranked.iter().map(|v| (v, false)))
    {
        let code = v["noc"].as_str().unwrap();
        let row = table
            .iter()
            .find(|r| r.code == code)
            .unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(row.name, v["name"].as_str().unwrap(), "{code}");
        assert_eq!(row.tally, tally_of(v), "{code}");
        assert_eq!(row.tally.total(), u(&v["total"]), "{code}");
        assert_eq!(row.ranked, is_ranked, "{code}");
        let want = if is_ranked { Some(u(&v["rank"])) } else { None };
        assert_eq!(row.rank, want, "{code}");
    }
    // The source's own column sums, as a check that no row was lost or doubled.
    let sum = |k: MedalKind| table.iter().map(|r| r.tally.get(k)).sum::<u32>();
    let all = &src["checks"]["sum_including_AIN"];
    assert_eq!(sum(MedalKind::Gold), u(&all["gold"]));
    assert_eq!(sum(MedalKind::Silver), u(&all["silver"]));
    assert_eq!(sum(MedalKind::Bronze), u(&all["bronze"]));
}

#[test]
fn dataset_medals_match_the_medalists_file() {
    let d = default_dataset();
    let medals = d.medals.valid().unwrap();
    let src = source("aze_paris2024_medalists.json");
    let want = src["medalists"].as_array().unwrap();
    assert_eq!(medals.len(), want.len());
    for (m, v) in medals.iter().zip(want) {
        assert_eq!(m.athletes, [v["athlete"].as_str().unwrap()]);
        assert_eq!(
            m.medal,
            MedalKind::parse(&v["medal"].as_str().unwrap().to_lowercase()).unwrap()
        );
        assert_eq!(m.date.to_string(), v["date"].as_str().unwrap());
        assert_eq!(m.event, v["event"].as_str().unwrap());
        assert_eq!(m.sport, v["sport"].as_str().unwrap());
    }
    // And the list agrees with the summary the source gives.
    let row = d.country_row().unwrap();
    assert_eq!(row.tally, tally_of(&src["summary"]));
}

#[test]
fn dataset_history_matches_the_source() {
    let d = default_dataset();
    let history = d.history.valid().unwrap();
    let src = source("aze_olympic_history.json");
    let games = src["summer_games"].as_array().unwrap();
    assert_eq!(history.len(), games.len());
    for v in games {
        let year = v["year"].as_u64().unwrap();
        let h = history
            .iter()
            .find(|h| u64::from(h.year) == year)
            .unwrap_or_else(|| panic!("{year} missing"));
        assert_eq!(h.city, v["city"].as_str().unwrap(), "{year}");
        assert_eq!(h.tally, tally_of(v), "{year}");
        assert_eq!(h.tally.total(), u(&v["total"]), "{year}");
        assert_eq!(h.rank, v["rank"].as_u64().map(|r| r as u32), "{year}");
        // Every rank carries how sure it is; an unknown one says so.
        let note = h.rank_note.as_deref().unwrap_or("");
        assert!(!note.is_empty(), "{year} has no rank_note");
        if h.rank.is_none() {
            assert!(note.contains("unverified"), "{year}: {note}");
        }
    }
}

#[test]
fn dataset_hosted_events_match_the_source() {
    let d = default_dataset();
    let hosted = d.hosted.valid().unwrap();
    let src = source("aze_hosted_events.json");
    let multi: Vec<_> = hosted
        .iter()
        .filter(|h| h.category == EventCategory::MultiSport)
        .collect();
    let want = src["multi_sport_events"].as_array().unwrap();
    assert_eq!(multi.len(), want.len());
    for (h, v) in multi.iter().zip(want) {
        assert_eq!(
            h.start.to_string(),
            v["start"].as_str().unwrap(),
            "{}",
            h.id
        );
        assert_eq!(h.end.to_string(), v["end"].as_str().unwrap(), "{}", h.id);
        assert_eq!(
            h.nations,
            v["nations"].as_u64().map(|n| n as u32),
            "{}",
            h.id
        );
        // A figure may be left out (unconfirmed) but never differ from a
        // number in the source, nor stand in for a source's prose estimate.
        for (given, key) in [
            (h.athletes, "athletes"),
            (h.sports, "sports"),
            (h.events, "events"),
        ] {
            if let Some(n) = given {
                assert_eq!(v[key].as_u64(), Some(u64::from(n)), "{} {key}", h.id);
            }
        }
    }
    // 2017's athletes and 2019's athletes are prose estimates in the source.
    assert_eq!(multi[1].athletes, None);
    assert_eq!(multi[2].athletes, None);
    let ids: Vec<&str> = hosted.iter().map(|h| h.id.as_str()).collect();
    assert!(ids.contains(&"baku-2015-european-games"), "{ids:?}");
}

#[test]
fn dataset_hosted_links_are_sources_the_source_trusts() {
    // Each event's link is one of the sources the verified record lists for
    // it, and not one its notes set aside (today.az put a Rome match among
    // Euro 2020's Baku games).
    let d = default_dataset();
    let src = source("aze_hosted_events.json");
    let records: Vec<&Value> = ["multi_sport_events", "other_international_events"]
        .iter()
        .flat_map(|k| src[*k].as_array().unwrap())
        .collect();
    let mut linked = 0;
    for h in d.hosted.valid().unwrap() {
        let Some(url) = &h.url else { continue };
        linked += 1;
        let bare = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest);
        let cited = |r: &Value| {
            r["sources"].as_array().is_some_and(|list| {
                list.iter().filter_map(Value::as_str).any(|s| {
                    let s = s.split(' ').next().unwrap_or_default();
                    s.contains('/') && bare.starts_with(s.trim_end_matches('/'))
                })
            })
        };
        let record = records
            .iter()
            .copied()
            .find(|r| cited(r))
            .unwrap_or_else(|| panic!("{}: {url} is no source of the record", h.id));
        let host = bare.split('/').next().unwrap_or_default();
        for key in ["note", "athletes_note", "sports_note", "nations_note"] {
            let note = record[key].as_str().unwrap_or_default();
            assert!(!note.contains(host), "{}: {url} is set aside: {note}", h.id);
        }
    }
    assert!(linked >= 6, "only {linked} linked events");
}

// ---------------------------------------------------------------- corpus

fn corpus(kind: &str) -> Vec<(String, Vec<u8>, String)> {
    let dir = repo(&format!("tests/corpus/{kind}"));
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(path.with_extension("expected"))
            .unwrap_or_else(|e| panic!("{name}.expected: {e}"));
        out.push((name, std::fs::read(&path).unwrap(), expected));
    }
    out.sort();
    out
}

fn expected_lines(text: &str) -> Vec<String> {
    text.lines().map(str::to_string).collect()
}

#[test]
fn every_invalid_corpus_file_gives_exactly_its_expected_problems() {
    let cases = corpus("invalid");
    assert!(cases.len() >= 40, "only {} invalid cases", cases.len());
    let mut failures = Vec::new();
    for (name, bytes, expected) in &cases {
        let report = validate_bytes(bytes);
        assert!(report.has_errors(), "{name} has no error");
        if lines(&report) != expected_lines(expected) {
            failures.push(format!(
                "{name}:\n  got:\n    {}\n  expected:\n    {}",
                lines(&report).join("\n    "),
                expected.trim_end().replace('\n', "\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_valid_corpus_file_gives_only_its_expected_warnings() {
    let cases = corpus("valid");
    assert!(cases.len() >= 5);
    for (name, bytes, expected) in &cases {
        let report = validate_bytes(bytes);
        assert!(!report.has_errors(), "{name}: {:?}", lines(&report));
        assert!(report.dataset.is_some(), "{name}");
        assert_eq!(lines(&report), expected_lines(expected), "{name}");
    }
}

#[test]
fn html_in_strings_is_kept_as_text() {
    let report =
        validate_bytes(&std::fs::read(repo("tests/corpus/valid/html-in-strings.json")).unwrap());
    let d = report.dataset.unwrap();
    let table = d.table.valid().unwrap();
    assert_eq!(table[0].name, "<script>alert(1)</script>");
}

#[test]
fn a_broken_section_does_not_take_the_others_down() {
    let report = validate_bytes(
        &std::fs::read(repo("tests/corpus/invalid/table-negative-count.json")).unwrap(),
    );
    let d = report.dataset.as_ref().unwrap();
    assert_eq!(d.table, Section::Invalid);
    assert!(d.games.valid().is_some());
    assert!(d.medals.valid().is_some());
    assert!(d.history.valid().is_some());
    assert!(d.hosted.valid().is_some());
    assert_eq!(report.problems_under("table").len(), 1);
    assert!(report.problems_under("tab").is_empty());
    assert!(report.problems_under("table[3]").len() == 1);
    assert!(report.problems_under("table[3].bronze").len() == 1);
    assert!(report.problems_under("table[3].b").is_empty());
    assert!(report.problems_under("medals").is_empty());
}

#[test]
fn medals_disagreeing_with_the_table_invalidate_only_medals() {
    let report =
        validate_bytes(&std::fs::read(repo("tests/corpus/invalid/medals-vs-table.json")).unwrap());
    let d = report.dataset.unwrap();
    assert_eq!(d.medals, Section::Invalid);
    assert!(d.table.valid().is_some());
}

#[test]
fn country_missing_from_table_invalidates_the_table() {
    let report = validate_bytes(
        &std::fs::read(repo("tests/corpus/invalid/table-country-missing.json")).unwrap(),
    );
    let d = report.dataset.unwrap();
    assert_eq!(d.table, Section::Invalid);
    // Nothing to compare the medals with, so they stand.
    assert!(d.medals.valid().is_some());
}

#[test]
fn invalid_sources_are_dropped_and_the_rest_kept() {
    let report = validate_bytes(
        &std::fs::read(repo("tests/corpus/invalid/sources-invalid-entries.json")).unwrap(),
    );
    let d = report.dataset.unwrap();
    let labels: Vec<&str> = d.sources.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels, ["Good"]);
}

#[test]
fn fatal_problems_leave_no_dataset_but_others_do() {
    for name in [
        "version-unsupported",
        "version-missing",
        "country-missing",
        "country-code-lowercase",
        "country-names-bad",
        "json-trailing-comma",
        "json-not-an-object",
        "duplicate-keys",
    ] {
        let bytes = std::fs::read(repo(&format!("tests/corpus/invalid/{name}.json"))).unwrap();
        assert!(validate_bytes(&bytes).dataset.is_none(), "{name}");
    }
    for name in ["table-rank-mismatch", "hosted-javascript-url", "as-of-bad"] {
        let bytes = std::fs::read(repo(&format!("tests/corpus/invalid/{name}.json"))).unwrap();
        assert!(validate_bytes(&bytes).dataset.is_some(), "{name}");
    }
}

#[test]
fn problems_display_as_path_colon_message() {
    let report = validate_str(
        r#"{"version": 1, "country": {"code": "AZE", "name": "Azerbaijan"}, "table": [{"code": "AZE", "name": "Azerbaijan", "gold": 2, "silver": 2, "bronze": 3, "total": 8}]}"#,
    );
    let p = report.errors().next().unwrap();
    assert_eq!(p.severity, Severity::Error);
    assert_eq!(
        p.to_string(),
        "table[0].total: expected 7 (2 + 2 + 3), found 8"
    );
    assert_eq!(
        problem_line(p),
        "error: table[0].total: expected 7 (2 + 2 + 3), found 8"
    );
}

// ---------------------------------------------------------------- size and hostility

fn doc_with_table(rows: usize) -> String {
    // Codes AAA, AAB, … from the row index: unique up to 26³ = 17,576 rows,
    // which covers the benchmark size; past the limit nothing is read anyway.
    let table: Vec<String> = (0..rows)
        .map(|i| {
            let c = |n: usize| (b'A' + (n % 26) as u8) as char;
            let code: String = [c(i / 676), c(i / 26), c(i)].iter().collect();
            format!(
                r#"{{"code":"{code}","name":"Team {i}","gold":{},"silver":{},"bronze":{}}}"#,
                i % 7,
                i % 5,
                i % 3
            )
        })
        .collect();
    format!(
        r#"{{"version":1,"country":{{"code":"AAA","name":"Team 0"}},"table":[{}]}}"#,
        table.join(",")
    )
}

#[test]
fn a_table_over_the_row_limit_is_one_error() {
    let report = validate_str(&doc_with_table(validate::MAX_TABLE_ROWS + 1));
    assert_eq!(
        lines(&report),
        ["error: table: expected at most 20000 rows, found 20001"]
    );
    assert_eq!(report.dataset.unwrap().table, Section::Invalid);
}

#[test]
fn benchmark_sizes_validate() {
    // 10,000 table rows (unique codes: 26³ = 17,576) and 1,000 hosted events.
    let report = validate_str(&doc_with_table(10_000));
    assert!(!report.has_errors(), "{:?}", lines(&report).first());
    assert_eq!(
        report.dataset.unwrap().table.valid().map(Vec::len),
        Some(10_000)
    );

    let events: Vec<String> = (0..1_000)
        .map(|i| {
            let year = 1900 + i % 200;
            format!(
                r#"{{"id":"e{i}","name":"Event {i}","year":{year},"city":"Baku","start":"{year}-01-01","end":"{year}-12-31","category":"other"}}"#
            )
        })
        .collect();
    let text = format!(
        r#"{{"version":1,"country":{{"code":"AZE","name":"Azerbaijan"}},"hosted":[{}]}}"#,
        events.join(",")
    );
    let report = validate_str(&text);
    assert_eq!(lines(&report), Vec::<String>::new());
    assert_eq!(
        report.dataset.unwrap().hosted.valid().map(Vec::len),
        Some(1_000)
    );
}

#[test]
fn a_document_over_max_bytes_is_refused_before_parsing() {
    let padding = " ".repeat(6_000_000);
    let text = format!(r#"{{"version":1,{padding}"country":{{"code":"AZE","name":"A"}}}}"#);
    let report = validate_str(&text);
    assert_eq!(
        lines(&report),
        [format!(
            "error: $: expected at most 5000000 bytes, found {}",
            text.len()
        )]
    );
    assert!(report.dataset.is_none());
    // The byte entry point refuses the same way, even for non-UTF-8 junk.
    let junk = vec![0xffu8; validate::MAX_BYTES + 1];
    assert_eq!(
        lines(&validate_bytes(&junk)),
        ["error: $: expected at most 5000000 bytes, found 5000001"]
    );
}

#[test]
fn non_utf8_and_deep_nesting_are_single_errors() {
    let report = validate_bytes(b"{\"version\": 1, \"x\": \"\xff\"}");
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0]
        .message
        .starts_with("invalid JSON: not UTF-8"));
    let deep = format!(
        "{}{}",
        r#"{"version":1,"a":"#.to_string() + &"{\"a\":".repeat(200),
        "1".to_string() + &"}".repeat(201)
    );
    let report = validate_str(&deep);
    assert_eq!(report.problems.len(), 1);
    assert!(
        report.problems[0].message.contains("nested deeper than 32"),
        "{}",
        report.problems[0]
    );
}

#[test]
fn objects_with_many_keys_stay_fast() {
    // A quadratic duplicate-key check would take minutes here.
    let names: Vec<String> = (0..200_000).map(|i| format!(r#""k{i}":1"#)).collect();
    let text = format!(
        r#"{{"version":1,"country":{{"code":"AZE","name":"A"}},"games":{{{}}}}}"#,
        names.join(",")
    );
    let start = std::time::Instant::now();
    let report = validate_str(&text);
    assert!(start.elapsed().as_secs() < 20);
    assert_eq!(report.warnings().count(), 200_000);
}

// ---------------------------------------------------------------- schema

#[test]
fn schema_parses_and_agrees_with_the_code() {
    let schema: Value =
        serde_json::from_str(&read("www/schema/medal-summary.v1.schema.json")).unwrap();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(required, ["version", "country"]);
    assert_eq!(
        schema["properties"]["version"]["const"],
        u64::from(SUPPORTED_VERSION)
    );
    let kinds: Vec<&str> = schema["$defs"]["medal"]["properties"]["medal"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let want: Vec<&str> = MedalKind::ALL.iter().map(|k| k.as_str()).collect();
    assert_eq!(kinds, want);
    let max = |def: &str| schema["properties"][def]["maxItems"].as_u64().unwrap() as usize;
    assert_eq!(max("table"), validate::MAX_TABLE_ROWS);
    assert_eq!(max("hosted"), validate::MAX_HOSTED);
    assert_eq!(max("medals"), validate::MAX_MEDALS);
    assert_eq!(max("history"), validate::MAX_HISTORY);
    assert_eq!(max("sources"), validate::MAX_SOURCES);
}

// ---------------------------------------------------------------- command

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_medal-summary"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn cli_validate_exit_codes_and_lines() {
    let (code, out, _) = cli(&["validate", "www/data/aze-paris2024.json"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "www/data/aze-paris2024.json: 0 errors, 0 warnings\n");

    let file = "tests/corpus/invalid/table-rank-mismatch.json";
    let (code, out, _) = cli(&["validate", file]);
    assert_eq!(code, 1);
    let mut want = expected_lines(&read("tests/corpus/invalid/table-rank-mismatch.expected"));
    want.push(format!("{file}: 2 errors, 0 warnings"));
    assert_eq!(expected_lines(&out), want);

    let file = "tests/corpus/valid/unknown-fields.json";
    let (code, out, _) = cli(&["validate", file]);
    assert_eq!(code, 0);
    assert!(
        out.ends_with(&format!("{file}: 0 errors, 4 warnings\n")),
        "{out}"
    );
    assert!(
        out.starts_with("warning: $: unknown field \"notes\", ignored\n"),
        "{out}"
    );

    let (code, _, err) = cli(&["validate", "no/such/file.json"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot read no/such/file.json"), "{err}");
}

#[test]
fn cli_usage_errors() {
    for args in [
        &[][..],
        &["validate"][..],
        &["frobnicate", "x"][..],
        &["rank", "www/data/aze-paris2024.json", "--by", "silver"][..],
        &["validate", "a", "b"][..],
    ] {
        let (code, out, err) = cli(args);
        assert_eq!(code, 2, "{args:?}");
        assert!(out.is_empty(), "{args:?}");
        assert!(
            err.starts_with("usage: medal-summary validate FILE"),
            "{err}"
        );
    }
    let (code, out, _) = cli(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("usage:"));
}

#[test]
fn cli_rank_prints_the_table() {
    let (code, out, _) = cli(&["rank", "www/data/aze-paris2024.json"]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows.len(), 92);
    assert_eq!(rows[0], "1\tUSA\t40\t44\t42\t126");
    assert!(rows.contains(&"=30\tAZE\t2\t2\t3\t7"), "{out}");
    assert!(rows.contains(&"=30\tCRO\t2\t2\t3\t7"), "{out}");
    assert_eq!(rows[91], "\tAIN\t1\t3\t1\t5");

    let (code, out, _) = cli(&["rank", "www/data/aze-paris2024.json", "--by", "total"]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().collect();
    assert_eq!(rows[0], "1\tUSA\t40\t44\t42\t126");
    assert_eq!(rows[1], "2\tCHN\t40\t27\t24\t91");
    // Total-first puts Great Britain (65 medals) third, not seventh.
    assert_eq!(rows[2], "3\tGBR\t14\t22\t29\t65");
    let (_, same, _) = cli(&["rank", "www/data/aze-paris2024.json", "--by=total"]);
    assert_eq!(same, out);

    let (code, out, err) = cli(&["rank", "www/data/minimal.json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(err.contains("no table to rank"), "{err}");

    let (code, out, err) = cli(&["rank", "tests/corpus/invalid/table-total-mismatch.json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.starts_with("error: table[1].total: expected 2 (1 + 0 + 1), found 3"),
        "{err}"
    );
}

// ---------------------------------------------------------------- properties

fn rows_from(tallies: &[(u32, u32, u32, bool)]) -> Vec<TableRow> {
    tallies
        .iter()
        .enumerate()
        .map(|(i, &(gold, silver, bronze, ranked))| TableRow {
            code: format!("C{i:02}"),
            name: format!("Team {i}"),
            tally: Tally {
                gold,
                silver,
                bronze,
            },
            rank: None,
            ranked,
        })
        .collect()
}

fn by_code(rows: &[TableRow], by: RankBy) -> Vec<(String, Option<u32>, bool)> {
    let mut v: Vec<_> = rank::rank(rows, by)
        .into_iter()
        .map(|p| (rows[p.row].code.clone(), p.rank, p.tied))
        .collect();
    v.sort();
    v
}

fn tallies() -> impl Strategy<Value = Vec<(u32, u32, u32, bool)>> {
    // Small counts so ties are common; a few unranked rows.
    proptest::collection::vec(
        (0u32..4, 0u32..4, 0u32..4, proptest::bool::weighted(0.9)),
        0..40,
    )
}

fn by_strategy() -> impl Strategy<Value = RankBy> {
    prop_oneof![Just(RankBy::Gold), Just(RankBy::Total)]
}

proptest! {
    #[test]
    fn permuting_rows_never_changes_a_rank(
        (t, shuffled) in tallies().prop_flat_map(|t| {
            let idx: Vec<usize> = (0..t.len()).collect();
            (Just(t), Just(idx).prop_shuffle())
        }),
        by in by_strategy(),
    ) {
        let rows = rows_from(&t);
        let permuted: Vec<TableRow> = shuffled.iter().map(|&i| rows[i].clone()).collect();
        prop_assert_eq!(by_code(&rows, by), by_code(&permuted, by));
    }

    #[test]
    fn ranks_follow_display_order_and_ties_share_tallies(t in tallies(), by in by_strategy()) {
        let rows = rows_from(&t);
        let placings = rank::rank(&rows, by);
        prop_assert_eq!(placings.len(), rows.len());
        let ranked: Vec<_> = placings.iter().filter(|p| p.rank.is_some()).collect();
        prop_assert_eq!(ranked.len(), rank::ranked_count(&rows));
        // Unranked rows come last.
        prop_assert!(placings[ranked.len()..].iter().all(|p| p.rank.is_none()));
        if let Some(first) = ranked.first() {
            prop_assert_eq!(first.rank, Some(1));
        }
        for w in ranked.windows(2) {
            let (a, b) = (w[0], w[1]);
            prop_assert!(a.rank <= b.rank);
            let same = by.compare(&rows[a.row].tally, &rows[b.row].tally) == std::cmp::Ordering::Equal;
            prop_assert_eq!(a.rank == b.rank, same);
            if same {
                prop_assert_eq!(rows[a.row].tally, rows[b.row].tally);
                prop_assert!(a.tied && b.tied);
            }
        }
        // After a k-way tie at r the next rank is r + k.
        let mut i = 0;
        while i < ranked.len() {
            let r = ranked[i].rank.unwrap();
            let k = ranked[i..].iter().take_while(|p| p.rank == Some(r)).count();
            prop_assert_eq!(ranked[i].tied, k > 1);
            if let Some(next) = ranked.get(i + k) {
                prop_assert_eq!(next.rank, Some(r + k as u32));
            }
            i += k;
        }
    }

    #[test]
    fn validation_never_panics_on_arbitrary_json(doc in arbitrary_json()) {
        let report = medal_summary::data::validate::validate(&doc);
        // A dataset exists exactly when nothing fatal was found.
        let fatal = report.problems.iter().any(|p| {
            p.severity == Severity::Error
                && (p.path == "$" || ["version", "country"].iter().any(|s| {
                    p.path == *s
                        || p.path.starts_with(&format!("{s}."))
                        || p.path.starts_with(&format!("{s}["))
                }))
        });
        prop_assert_eq!(report.dataset.is_none(), fatal);
    }

    #[test]
    fn validation_never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = validate_str(&text);
        let wrapped = format!(r#"{{"version":1,"country":{{"code":"AZE","name":"A"}},"as_of":{text:?},"hosted":[{{"id":"x","url":{text:?}}}]}}"#);
        let _ = validate_str(&wrapped);
    }
}

/// JSON trees biased towards the contract's own keys and near-valid values.
fn arbitrary_json() -> impl Strategy<Value = Json> {
    let key = prop_oneof![
        Just("version".to_string()),
        Just("country".to_string()),
        Just("code".to_string()),
        Just("name".to_string()),
        Just("table".to_string()),
        Just("gold".to_string()),
        Just("rank".to_string()),
        Just("hosted".to_string()),
        Just("start".to_string()),
        Just("url".to_string()),
        "[a-z$]{0,6}",
    ];
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        prop_oneof![
            Just(1.0),
            Just(-3.0),
            Just(2.5),
            Just(1e300),
            -5.0f64..30000.0
        ]
        .prop_map(Json::Number),
        prop_oneof![
            Just("AZE".to_string()),
            Just("2024-02-29".to_string()),
            Just("javascript:alert(1)".to_string()),
            Just("https://x.org/".to_string()),
            "\\PC{0,12}",
        ]
        .prop_map(Json::String),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..8).prop_map(Json::Array),
            proptest::collection::vec((key.clone(), inner), 0..8).prop_map(Json::Object),
        ]
    })
}
