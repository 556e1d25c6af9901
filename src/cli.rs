//! The native data-desk command: `medal-summary validate FILE` checks a data
//! file with exactly the rules the widget applies, `medal-summary rank FILE`
//! prints the table as the widget would rank it. Output is plain lines so it
//! can be diffed and grepped in CI.

use crate::data::model::Section;
use crate::data::rank::{self, RankBy};
use crate::data::validate::{validate_bytes, Report, Severity};
use std::io::Write;

/// Usage text, printed on stderr for usage errors and on stdout for `--help`.
pub const USAGE: &str = "\
usage: medal-summary validate FILE
       medal-summary rank FILE [--by gold|total]

validate  print every problem in FILE (one per line: `error: PATH: MESSAGE`
          or `warning: PATH: MESSAGE`) and a summary line; exit 1 on any
          error, 0 when there are only warnings.
rank      print the medal table ranked gold-first (default) or total-first,
          one row per line: rank, code, gold, silver, bronze, total
          (tab-separated; \"=30\" for a shared rank, empty when unranked).

Exit codes: 0 ok, 1 invalid data, 2 usage error or unreadable file.";

/// Runs the command with `args` (without the program name); returns the exit code.
pub fn run(args: &[String]) -> i32 {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    run_with(args, &mut stdout.lock(), &mut stderr.lock())
}

/// [`run`] writing to the given streams, so the command can be tested in-process.
pub fn run_with(args: &[String], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // Write errors (a closed pipe) are ignored: the exit code still tells.
    match args.as_slice() {
        ["-h" | "--help" | "help"] => {
            let _ = writeln!(out, "{USAGE}");
            0
        }
        ["validate", file] => validate_cmd(file, out, err),
        ["rank", file, rest @ ..] => match parse_by(rest) {
            Some(by) => rank_cmd(file, by, out, err),
            None => usage(err),
        },
        _ => usage(err),
    }
}

fn usage(err: &mut dyn Write) -> i32 {
    let _ = writeln!(err, "{USAGE}");
    2
}

fn parse_by(rest: &[&str]) -> Option<RankBy> {
    match rest {
        [] => Some(RankBy::Gold),
        ["--by", by] => RankBy::parse(by),
        [one] => RankBy::parse(one.strip_prefix("--by=")?),
        _ => None,
    }
}

fn load(file: &str, err: &mut dyn Write) -> Option<Report> {
    match std::fs::read(file) {
        Ok(bytes) => Some(validate_bytes(&bytes)),
        Err(e) => {
            let _ = writeln!(err, "medal-summary: cannot read {file}: {e}");
            None
        }
    }
}

/// One problem as the command prints it: `error: table[12].gold: expected …`.
pub fn problem_line(p: &crate::data::validate::Problem) -> String {
    format!("{}: {p}", p.severity)
}

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn validate_cmd(file: &str, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(report) = load(file, err) else {
        return 2;
    };
    for p in &report.problems {
        let _ = writeln!(out, "{}", problem_line(p));
    }
    let errors = report.errors().count();
    let warnings = report.problems.len() - errors;
    let _ = writeln!(
        out,
        "{file}: {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning")
    );
    i32::from(errors > 0)
}

fn rank_cmd(file: &str, by: RankBy, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(report) = load(file, err) else {
        return 2;
    };
    let table = report.dataset.as_ref().map(|d| &d.table);
    let Some(Section::Valid(rows)) = table else {
        for p in &report.problems {
            let _ = writeln!(err, "{}", problem_line(p));
        }
        if let Some(Section::Absent) = table {
            let _ = writeln!(err, "{file}: no table to rank");
        }
        return 1;
    };
    // Warnings do not stop ranking, but the desk should still see them.
    for p in report
        .problems
        .iter()
        .filter(|p| p.severity == Severity::Warning)
    {
        let _ = writeln!(err, "{}", problem_line(p));
    }
    for p in rank::rank(rows, by) {
        let r = &rows[p.row];
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            p.label(),
            r.code,
            r.tally.gold,
            r.tally.silver,
            r.tally.bronze,
            r.tally.total()
        );
    }
    0
}
