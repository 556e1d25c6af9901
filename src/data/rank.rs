//! Medal-table ranking with ties, as the IOC does it (gold-first) and as many
//! newsrooms do it (total-first).
//!
//! Equal keys share a rank and the next rank skips (…, =30, =30, 32). Rows
//! marked `ranked: false` follow the ranked ones and take no rank. The result
//! never depends on input order: ties are listed by IOC code.

use super::model::{TableRow, Tally};
use super::order::sorted_indices;
use std::cmp::Ordering;

/// Which medal-table convention to rank by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum RankBy {
    /// IOC: gold, then silver, then bronze.
    #[default]
    Gold,
    /// Total, then gold, silver, bronze.
    Total,
}

impl RankBy {
    /// The spelling used by the `ranking` attribute and the CLI (`gold` | `total`).
    pub fn as_str(self) -> &'static str {
        match self {
            RankBy::Gold => "gold",
            RankBy::Total => "total",
        }
    }

    /// Parses `gold` or `total`.
    pub fn parse(s: &str) -> Option<RankBy> {
        match s {
            "gold" => Some(RankBy::Gold),
            "total" => Some(RankBy::Total),
            _ => None,
        }
    }

    /// Orders two tallies, better first.
    pub fn compare(self, a: &Tally, b: &Tally) -> Ordering {
        let key = |t: &Tally| match self {
            RankBy::Gold => [t.gold, t.silver, t.bronze, 0],
            RankBy::Total => [t.total(), t.gold, t.silver, t.bronze],
        };
        key(b).cmp(&key(a))
    }
}

/// A row's place in a ranked table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placing {
    /// Index of the row in the input slice.
    pub row: usize,
    /// Rank, `None` for unranked rows.
    pub rank: Option<u32>,
    /// Whether another ranked row shares this rank.
    pub tied: bool,
}

impl Placing {
    /// The rank as shown: `"=30"` when shared, `"30"` alone, `""` when unranked.
    pub fn label(&self) -> String {
        match (self.rank, self.tied) {
            (Some(r), true) => format!("={r}"),
            (Some(r), false) => r.to_string(),
            (None, _) => String::new(),
        }
    }
}

/// Ranks `rows` by `by`; returns every row once, in display order.
pub fn rank(rows: &[TableRow], by: RankBy) -> Vec<Placing> {
    let order = sorted_indices(rows.len(), &mut |a, b| {
        let (ra, rb) = (&rows[a], &rows[b]);
        rb.ranked
            .cmp(&ra.ranked)
            .then_with(|| by.compare(&ra.tally, &rb.tally))
            .then_with(|| ra.code.cmp(&rb.code))
    });
    let mut out: Vec<Placing> = Vec::with_capacity(rows.len());
    for (pos, &i) in order.iter().enumerate() {
        if !rows[i].ranked {
            out.push(Placing {
                row: i,
                rank: None,
                tied: false,
            });
            continue;
        }
        let rank = match out.last() {
            Some(prev)
                if prev.rank.is_some()
                    && by.compare(&rows[prev.row].tally, &rows[i].tally) == Ordering::Equal =>
            {
                prev.rank
            }
            _ => Some(pos as u32 + 1),
        };
        out.push(Placing {
            row: i,
            rank,
            tied: false,
        });
    }
    // Mark ties in one pass over runs of equal rank.
    let mut start = 0;
    while start < out.len() {
        let mut end = start + 1;
        while end < out.len() && out[end].rank.is_some() && out[end].rank == out[start].rank {
            end += 1;
        }
        if end - start > 1 {
            for p in &mut out[start..end] {
                p.tied = true;
            }
        }
        start = end;
    }
    out
}

/// The placing of the row with IOC `code`, if present.
pub fn placing_of(rows: &[TableRow], placings: &[Placing], code: &str) -> Option<Placing> {
    placings.iter().copied().find(|p| rows[p.row].code == code)
}

/// Rows sharing `placing`'s rank, other than its own, in display order.
pub fn shared_with<'a>(
    rows: &'a [TableRow],
    placings: &[Placing],
    placing: &Placing,
) -> Vec<&'a TableRow> {
    match placing.rank {
        None => Vec::new(),
        Some(r) => placings
            .iter()
            .filter(|p| p.rank == Some(r) && p.row != placing.row)
            .map(|p| &rows[p.row])
            .collect(),
    }
}

/// How many rows take a rank (the "of 91" in "30th of 91").
pub fn ranked_count(rows: &[TableRow]) -> usize {
    rows.iter().filter(|r| r.ranked).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(code: &str, g: u32, s: u32, b: u32) -> TableRow {
        TableRow {
            code: code.into(),
            name: code.into(),
            tally: Tally {
                gold: g,
                silver: s,
                bronze: b,
            },
            rank: None,
            ranked: true,
        }
    }

    fn labels(rows: &[TableRow], by: RankBy) -> Vec<(String, String)> {
        rank(rows, by)
            .iter()
            .map(|p| (rows[p.row].code.clone(), p.label()))
            .collect()
    }

    #[test]
    fn gold_first_ties_share_and_skip() {
        let rows = vec![
            row("CRO", 2, 2, 3),
            row("AAA", 3, 0, 0),
            row("AZE", 2, 2, 3),
            row("ZZZ", 2, 2, 1),
            row("BBB", 1, 9, 9),
        ];
        let got = labels(&rows, RankBy::Gold);
        let want = [
            ("AAA", "1"),
            ("AZE", "=2"),
            ("CRO", "=2"),
            ("ZZZ", "4"),
            ("BBB", "5"),
        ];
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn total_first_orders_by_total_then_colours() {
        let rows = vec![
            row("AAA", 3, 0, 0),
            row("BBB", 1, 9, 9),
            row("CCC", 0, 1, 2),
        ];
        let got = labels(&rows, RankBy::Total);
        assert_eq!(got[0], ("BBB".to_string(), "1".to_string()));
        // AAA and CCC both have 3 medals: AAA wins on gold, so no tie.
        assert_eq!(got[1], ("AAA".to_string(), "2".to_string()));
        assert_eq!(got[2], ("CCC".to_string(), "3".to_string()));
    }

    #[test]
    fn unranked_rows_come_last_without_rank() {
        let mut ain = row("AIN", 9, 9, 9);
        ain.ranked = false;
        let rows = vec![ain, row("AAA", 1, 0, 0), row("BBB", 1, 0, 0)];
        let p = rank(&rows, RankBy::Gold);
        assert_eq!(rows[p[2].row].code, "AIN");
        assert_eq!(p[2].rank, None);
        assert_eq!(p[2].label(), "");
        assert_eq!(p[0].label(), "=1");
        assert_eq!(ranked_count(&rows), 2);
        let aaa = placing_of(&rows, &p, "AAA").unwrap();
        let shared: Vec<_> = shared_with(&rows, &p, &aaa)
            .iter()
            .map(|r| r.code.clone())
            .collect();
        assert_eq!(shared, ["BBB"]);
    }
}
