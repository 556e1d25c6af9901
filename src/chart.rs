//! Pure chart geometry for the widget's SVG charts: scales, ticks and the
//! rectangles of stacked medal bars.
//!
//! Kept free of web-sys and Yew so the arithmetic that decides what a reader
//! sees is unit-tested natively; the views only turn these numbers into
//! `<rect>`s. All coordinates are SVG user units inside the chart's viewBox.

use crate::data::model::{Medal, MedalKind, Tally};
use crate::data::order;

/// A linear map from medal counts `0..=max` onto `start..start + len`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    /// The count mapped to the far end (never 0, so an empty chart still scales).
    pub max: u32,
    /// Where 0 lands.
    pub start: f64,
    /// Length of the range; negative for an upward y axis.
    pub len: f64,
}

impl Scale {
    /// A scale for counts up to `max` (treated as 1 when 0).
    pub fn new(max: u32, start: f64, len: f64) -> Scale {
        Scale {
            max: max.max(1),
            start,
            len,
        }
    }

    /// The position of `v`.
    pub fn at(&self, v: u32) -> f64 {
        self.start + self.len * f64::from(v) / f64::from(self.max)
    }

    /// The length a count of `v` covers (always ≥ 0).
    pub fn span(&self, v: u32) -> f64 {
        (self.len * f64::from(v) / f64::from(self.max)).abs()
    }
}

/// Whole-number axis ticks from 0 up to at least `max`, in steps of 1, 2 or 5
/// times a power of ten, about `target` of them. The last tick is the "nice"
/// top the scale should use so bars never touch the frame unevenly.
pub fn ticks(max: u32, target: u32) -> Vec<u32> {
    let max = max.max(1);
    let target = target.max(1);
    let raw = f64::from(max) / f64::from(target);
    let mut step = 1u32;
    // Medal counts are whole: a fractional step would label "0.5 medals".
    'search: for pow in [1u32, 10, 100, 1_000, 10_000, 100_000] {
        for m in [1u32, 2, 5] {
            if f64::from(m * pow) >= raw {
                step = m * pow;
                break 'search;
            }
        }
        step = 10 * pow;
    }
    let top = max.div_ceil(step) * step;
    (0..=top / step).map(|i| i * step).collect()
}

/// One coloured piece of a stacked bar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    /// Which medal the piece counts.
    pub kind: MedalKind,
    /// How many medals of that kind.
    pub count: u32,
    /// Left edge.
    pub x: f64,
    /// Top edge.
    pub y: f64,
    /// Width.
    pub width: f64,
    /// Height.
    pub height: f64,
}

impl Segment {
    /// Centre point, where an in-bar label goes.
    pub fn centre(&self) -> (f64, f64) {
        (self.x + self.width / 2.0, self.y + self.height / 2.0)
    }
}

/// Segments of `tally` laid left to right from `scale.start`, gold first;
/// kinds with no medals get no segment.
pub fn stack_horizontal(tally: &Tally, scale: &Scale, y: f64, height: f64) -> Vec<Segment> {
    let mut x = scale.start;
    MedalKind::ALL
        .iter()
        .filter(|k| tally.get(**k) > 0)
        .map(|&kind| {
            let count = tally.get(kind);
            let width = scale.span(count);
            let seg = Segment {
                kind,
                count,
                x,
                y,
                width,
                height,
            };
            x += width;
            seg
        })
        .collect()
}

/// Segments of `tally` stacked upward from the baseline `scale.start` (a y
/// with `scale.len < 0`), gold at the bottom.
pub fn stack_vertical(tally: &Tally, scale: &Scale, x: f64, width: f64) -> Vec<Segment> {
    let mut base = scale.start;
    MedalKind::ALL
        .iter()
        .filter(|k| tally.get(**k) > 0)
        .map(|&kind| {
            let count = tally.get(kind);
            let height = scale.span(count);
            base -= height;
            Segment {
                kind,
                count,
                x,
                y: base,
                width,
                height,
            }
        })
        .collect()
}

/// The medals of one sport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SportTally {
    /// Sport name as in the data (also the list key).
    pub sport: String,
    /// Its medals; a team medal counts once.
    pub tally: Tally,
}

/// Medals grouped by sport, best first (gold, silver, bronze, then name) so
/// the chart reads like a medal table.
pub fn by_sport(medals: &[Medal]) -> Vec<SportTally> {
    let mut out: Vec<SportTally> = Vec::new();
    for m in medals {
        match out.iter_mut().find(|s| s.sport == m.sport) {
            Some(s) => s.tally.add(m.medal),
            None => {
                let mut tally = Tally::default();
                tally.add(m.medal);
                out.push(SportTally {
                    sport: m.sport.clone(),
                    tally,
                });
            }
        }
    }
    order::sort_by(&mut out, &mut |a, b| {
        let key = |t: &Tally| [t.gold, t.silver, t.bronze];
        key(&b.tally)
            .cmp(&key(&a.tally))
            .then_with(|| a.sport.cmp(&b.sport))
    });
    out
}

/// The medals in a list, each counted once whatever its number of athletes.
pub fn tally_of(medals: &[Medal]) -> Tally {
    let mut t = Tally::default();
    for m in medals {
        t.add(m.medal);
    }
    t
}

/// Size and margins of a chart's viewBox.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Frame {
    /// viewBox width.
    pub width: f64,
    /// Space left of the plot (labels).
    pub left: f64,
    /// Space right of the plot (total labels).
    pub right: f64,
    /// Space above the plot.
    pub top: f64,
    /// Space below the plot (axis labels).
    pub bottom: f64,
}

/// One bar of a horizontal bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct HBar {
    /// Category label (drawn left of the bar).
    pub label: String,
    /// The counts drawn.
    pub tally: Tally,
    /// Top of the bar's band.
    pub y: f64,
    /// Bar thickness.
    pub height: f64,
    /// Its pieces.
    pub segments: Vec<Segment>,
    /// Where the bar ends (the total label goes just after).
    pub end_x: f64,
}

/// A laid-out horizontal stacked bar chart.
#[derive(Debug, Clone, PartialEq)]
pub struct HBarChart {
    /// viewBox width.
    pub width: f64,
    /// viewBox height (grows with the number of bars).
    pub height: f64,
    /// The x scale.
    pub scale: Scale,
    /// Ticks as (value, x).
    pub ticks: Vec<(u32, f64)>,
    /// Top and bottom of the plot area (for grid lines).
    pub plot_top: f64,
    /// Bottom of the plot area.
    pub plot_bottom: f64,
    /// The bars, top to bottom.
    pub bars: Vec<HBar>,
}

/// Lays out one horizontal stacked bar per `(label, tally)`, each band
/// `band` units tall with the bar filling `fill` (0–1) of it.
pub fn hbar_chart(rows: &[(String, Tally)], frame: Frame, band: f64, fill: f64) -> HBarChart {
    let max = rows.iter().map(|(_, t)| t.total()).max().unwrap_or(0);
    let tick_values = ticks(max, 4);
    let top_value = *tick_values.last().unwrap_or(&1);
    let plot_w = (frame.width - frame.left - frame.right).max(1.0);
    let scale = Scale::new(top_value, frame.left, plot_w);
    let bar_h = band * fill.clamp(0.0, 1.0);
    let bars = rows
        .iter()
        .enumerate()
        .map(|(i, (label, tally))| {
            let y = frame.top + band * i as f64 + (band - bar_h) / 2.0;
            HBar {
                label: label.clone(),
                tally: *tally,
                y,
                height: bar_h,
                segments: stack_horizontal(tally, &scale, y, bar_h),
                end_x: scale.at(tally.total()),
            }
        })
        .collect();
    let plot_bottom = frame.top + band * rows.len() as f64;
    HBarChart {
        width: frame.width,
        height: plot_bottom + frame.bottom,
        ticks: tick_values.iter().map(|&v| (v, scale.at(v))).collect(),
        scale,
        plot_top: frame.top,
        plot_bottom,
        bars,
    }
}

/// One column of a vertical stacked column chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// Label under the column.
    pub label: String,
    /// The counts drawn.
    pub tally: Tally,
    /// Left edge.
    pub x: f64,
    /// Width.
    pub width: f64,
    /// Its pieces, bottom up.
    pub segments: Vec<Segment>,
    /// Top of the stack (the total label goes just above).
    pub top_y: f64,
}

impl Column {
    /// Horizontal centre.
    pub fn centre_x(&self) -> f64 {
        self.x + self.width / 2.0
    }
}

/// A laid-out vertical stacked column chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnChart {
    /// viewBox width.
    pub width: f64,
    /// viewBox height.
    pub height: f64,
    /// The y scale (upward: `len < 0`).
    pub scale: Scale,
    /// Ticks as (value, y).
    pub ticks: Vec<(u32, f64)>,
    /// Baseline y.
    pub baseline: f64,
    /// Left edge of the plot.
    pub plot_left: f64,
    /// Right edge of the plot.
    pub plot_right: f64,
    /// The columns, left to right.
    pub columns: Vec<Column>,
}

/// Lays out one stacked column per `(label, tally)` in a `frame.width` ×
/// `height` viewBox; columns fill `fill` (0–1) of their band.
pub fn column_chart(rows: &[(String, Tally)], frame: Frame, height: f64, fill: f64) -> ColumnChart {
    let max = rows.iter().map(|(_, t)| t.total()).max().unwrap_or(0);
    let tick_values = ticks(max, 4);
    let top_value = *tick_values.last().unwrap_or(&1);
    let baseline = height - frame.bottom;
    let plot_h = (baseline - frame.top).max(1.0);
    let scale = Scale::new(top_value, baseline, -plot_h);
    let plot_left = frame.left;
    let plot_right = frame.width - frame.right;
    let band = (plot_right - plot_left) / rows.len().max(1) as f64;
    let col_w = band * fill.clamp(0.0, 1.0);
    let columns = rows
        .iter()
        .enumerate()
        .map(|(i, (label, tally))| {
            let x = plot_left + band * i as f64 + (band - col_w) / 2.0;
            Column {
                label: label.clone(),
                tally: *tally,
                x,
                width: col_w,
                segments: stack_vertical(tally, &scale, x, col_w),
                top_y: scale.at(tally.total()),
            }
        })
        .collect();
    ColumnChart {
        width: frame.width,
        height,
        ticks: tick_values.iter().map(|&v| (v, scale.at(v))).collect(),
        scale,
        baseline,
        plot_left,
        plot_right,
        columns,
    }
}

/// Rounds a coordinate to 0.01 so the SVG text stays short and stable.
pub fn r2(v: f64) -> String {
    crate::data::num::fixed(v, 2)
}

/// Height of a segment label's line box at the charts' 11-unit font (the
/// browser's box for 11-unit text is about 12.1 units tall).
pub const SEGMENT_TEXT_HEIGHT: f64 = 12.5;

/// The text a medal segment of `width` × `height` units can hold: letter and
/// count ("G 2") when both fit, else the count alone (the segment's pattern
/// and the legend still tell the medal), else nothing. The chart's text
/// alternative lists every count either way. A narrow no-break space keeps
/// the letter off the digits: Russian's "З2" read as "32", French "O2" as
/// "02".
pub fn segment_label(letter: &str, count: &str, width: f64, height: f64) -> Option<String> {
    // About 7 units a glyph in bold at 11 units ("G10" is 24.3 in DejaVu
    // Sans Bold), the narrow space about 3, plus a little air.
    let fits = |s: &str| width >= s.chars().count() as f64 * 7.0 + 4.0;
    if height < SEGMENT_TEXT_HEIGHT {
        None
    } else if width >= (letter.chars().count() + count.chars().count()) as f64 * 7.0 + 7.0 {
        Some(format!("{letter}\u{202f}{count}"))
    } else if fits(count) {
        Some(count.to_string())
    } else {
        None
    }
}

/// Estimated advance of `c` in ems of a sans-serif at weight 400, at or a
/// little over DejaVu Sans's (the widest common system sans, measured), so
/// that a label never runs past the chart's left edge and is cut
/// mid-letter.
fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'j' | 'l' | 'I' | '.' | ',' | '\'' | ':' | ';' | '!' | '|' | 'ı' => 0.34,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.44,
        'm' | 'w' | 'M' | 'W' | 'œ' | 'Œ' => 1.04,
        'ш' | 'щ' | 'ж' | 'ы' | 'ю' | 'м' | 'ф' | 'Ш' | 'Щ' | 'Ж' | 'Ы' | 'Ю' | 'М' | 'Ф' => {
            1.1
        }
        // Capitals of the scripts the widget writes in (`char::is_uppercase`
        // would bring Unicode's case tables into the wasm, about 0.5 KB).
        'A'..='Z' | 'À'..='Þ' | 'Ё' | 'А'..='Я' | 'Ə' | 'Ğ' | 'İ' | 'Ş' => 0.8,
        _ => 0.64,
    }
}

/// The estimated width of `s` in user units at font size `size` (bold
/// text is taken as 12% wider, as DejaVu Sans Bold is), at or a little over
/// what the widest common system sans draws.
pub fn label_width(s: &str, size: f64, bold: bool) -> f64 {
    let k = size * if bold { 1.12 } else { 1.0 };
    s.chars().map(|c| char_em(c) * k).sum()
}

/// The room a bar chart's row labels take at its left, in user units: the
/// widest of `labels` (the first one bold) and a 6-unit gap, between `min`
/// and `max`, so that names such as "Wrestling (Greco-Roman)" are shown whole
/// where the chart has room, and only cut beyond `max`.
pub fn label_column(labels: &[&str], size: f64, min: f64, max: f64) -> f64 {
    let widest = labels
        .iter()
        .enumerate()
        .map(|(i, l)| label_width(l, size, i == 0))
        .fold(0.0, f64::max);
    (widest + 6.0).clamp(min, max)
}

/// `s` as it fits in `max` user units at font size `size` (bold text is
/// taken as 12% wider, as DejaVu Sans Bold is): whole, or cut with an ellipsis. The full text is
/// always in the chart's text alternative.
pub fn fit_label(s: &str, max: f64, size: f64, bold: bool) -> String {
    let k = size * if bold { 1.12 } else { 1.0 };
    let width = |c: char| char_em(c) * k;
    if label_width(s, size, bold) <= max {
        return s.to_string();
    }
    let room = max - width('…');
    let mut used = 0.0;
    let mut out = String::new();
    for c in s.chars() {
        used += width(c);
        if used > room {
            break;
        }
        out.push(c);
    }
    // An ellipsis after a space reads as a separate mark.
    let kept = out.trim_end().len();
    out.truncate(kept);
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::model::Date;

    fn t(gold: u32, silver: u32, bronze: u32) -> Tally {
        Tally {
            gold,
            silver,
            bronze,
        }
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn scale_maps_linearly_and_never_divides_by_zero() {
        let s = Scale::new(4, 100.0, 200.0);
        assert!(close(s.at(0), 100.0));
        assert!(close(s.at(2), 200.0));
        assert!(close(s.at(4), 300.0));
        assert!(close(s.span(1), 50.0));
        let up = Scale::new(10, 180.0, -160.0);
        assert!(close(up.at(5), 100.0));
        assert!(close(up.span(5), 80.0));
        let empty = Scale::new(0, 0.0, 10.0);
        assert_eq!(empty.max, 1);
        assert!(close(empty.at(0), 0.0));
    }

    #[test]
    fn ticks_are_nice_and_cover_the_max() {
        assert_eq!(ticks(0, 4), vec![0, 1]);
        assert_eq!(ticks(1, 4), vec![0, 1]);
        assert_eq!(ticks(3, 4), vec![0, 1, 2, 3]);
        assert_eq!(ticks(7, 4), vec![0, 2, 4, 6, 8]);
        assert_eq!(ticks(10, 4), vec![0, 5, 10]);
        assert_eq!(ticks(40, 4), vec![0, 10, 20, 30, 40]);
        assert_eq!(ticks(126, 4), vec![0, 50, 100, 150]);
        for max in 0..500 {
            let ts = ticks(max, 4);
            assert_eq!(ts[0], 0);
            assert!(*ts.last().unwrap() >= max.max(1), "{max}");
            assert!(ts.len() <= 7, "{max}: {ts:?}");
            assert!(ts.windows(2).all(|w| w[1] > w[0]));
        }
    }

    #[test]
    fn horizontal_stack_is_contiguous_and_proportional() {
        let s = Scale::new(4, 10.0, 80.0);
        let segs = stack_horizontal(&t(1, 0, 2), &s, 5.0, 12.0);
        assert_eq!(segs.len(), 2, "no segment for zero silver");
        assert_eq!(segs[0].kind, MedalKind::Gold);
        assert!(close(segs[0].x, 10.0) && close(segs[0].width, 20.0));
        assert_eq!(segs[1].kind, MedalKind::Bronze);
        assert!(close(segs[1].x, 30.0) && close(segs[1].width, 40.0));
        assert!(segs
            .iter()
            .all(|g| close(g.y, 5.0) && close(g.height, 12.0)));
        assert_eq!(segs[1].centre(), (50.0, 11.0));
    }

    #[test]
    fn vertical_stack_grows_up_from_the_baseline() {
        let s = Scale::new(8, 200.0, -160.0);
        let segs = stack_vertical(&t(2, 2, 3), &s, 40.0, 20.0);
        assert_eq!(segs.len(), 3);
        assert!(
            close(segs[0].y + segs[0].height, 200.0),
            "gold sits on the baseline"
        );
        assert!(close(segs[0].height, 40.0));
        assert!(close(segs[1].y + segs[1].height, segs[0].y));
        assert!(close(segs[2].y, 200.0 - 7.0 * 20.0));
    }

    fn medal(kind: MedalKind, sport: &str, athletes: &[&str]) -> Medal {
        Medal {
            medal: kind,
            athletes: athletes.iter().map(|a| a.to_string()).collect(),
            sport: sport.into(),
            event: "e".into(),
            date: Date::parse("2024-08-01").unwrap(),
        }
    }

    #[test]
    fn sports_are_grouped_best_first_and_team_medals_count_once() {
        let medals = vec![
            medal(MedalKind::Bronze, "Wrestling", &["A"]),
            medal(MedalKind::Gold, "Judo", &["B"]),
            medal(MedalKind::Silver, "Judo", &["C", "D", "E"]),
            medal(MedalKind::Bronze, "Boxing", &["F"]),
            medal(MedalKind::Bronze, "Wrestling", &["G"]),
        ];
        let got = by_sport(&medals);
        let names: Vec<&str> = got.iter().map(|s| s.sport.as_str()).collect();
        assert_eq!(names, ["Judo", "Wrestling", "Boxing"]);
        assert_eq!(got[0].tally, t(1, 1, 0));
        assert_eq!(got[1].tally, t(0, 0, 2));
        assert_eq!(tally_of(&medals), t(1, 1, 3));
    }

    const FRAME: Frame = Frame {
        width: 320.0,
        left: 100.0,
        right: 20.0,
        top: 10.0,
        bottom: 20.0,
    };

    #[test]
    fn hbar_chart_bands_and_widths() {
        let rows = vec![
            ("All".to_string(), t(2, 2, 3)),
            ("Judo".to_string(), t(1, 0, 1)),
        ];
        let c = hbar_chart(&rows, FRAME, 30.0, 0.6);
        // 7 medals → ticks 0,2,4,6,8: the scale tops out at 8 over 200 units.
        assert_eq!(c.scale.max, 8);
        assert_eq!(c.ticks.len(), 5);
        assert!(close(c.ticks[4].1, 300.0));
        assert!(close(c.height, 10.0 + 60.0 + 20.0));
        let b0 = &c.bars[0];
        assert!(close(b0.y, 10.0 + 6.0) && close(b0.height, 18.0));
        assert!(close(b0.end_x, 100.0 + 7.0 * 25.0));
        let widths: f64 = b0.segments.iter().map(|s| s.width).sum();
        assert!(close(widths, 175.0));
        assert!(close(c.bars[1].y, 46.0));
        assert!(close(c.bars[1].end_x, 150.0));
    }

    #[test]
    fn column_chart_bands_and_heights() {
        let rows: Vec<(String, Tally)> = vec![
            ("1996".into(), t(0, 1, 0)),
            ("2000".into(), t(2, 0, 1)),
            ("2024".into(), t(2, 2, 3)),
            ("2004".into(), t(0, 0, 0)),
        ];
        let f = Frame {
            width: 320.0,
            left: 40.0,
            right: 0.0,
            top: 20.0,
            bottom: 30.0,
        };
        let c = column_chart(&rows, f, 200.0, 0.5);
        assert!(close(c.baseline, 170.0));
        assert_eq!(c.scale.max, 8);
        let band = 280.0 / 4.0;
        assert!(close(c.columns[0].x, 40.0 + band / 4.0));
        assert!(close(c.columns[0].width, band / 2.0));
        assert!(close(c.columns[1].centre_x(), 40.0 + band * 1.5));
        assert!(close(c.columns[2].top_y, 170.0 - 150.0 * 7.0 / 8.0));
        assert!(c.columns[3].segments.is_empty());
        assert!(close(c.columns[3].top_y, 170.0));
        assert!(close(c.ticks[0].1, 170.0) && close(c.ticks.last().unwrap().1, 20.0));
    }

    #[test]
    fn empty_charts_do_not_panic() {
        let c = hbar_chart(&[], FRAME, 30.0, 0.6);
        assert!(c.bars.is_empty());
        let c = column_chart(&[], FRAME, 200.0, 0.5);
        assert!(c.columns.is_empty());
    }

    #[test]
    fn coordinates_print_short() {
        assert_eq!(r2(10.0), "10");
        assert_eq!(r2(10.123), "10.12");
        assert_eq!(r2(-0.5), "-0.5");
    }
    #[test]
    fn labels_are_cut_to_the_room_they_have() {
        // Short labels stay whole.
        assert_eq!(fit_label("Judo", 86.0, 11.0, false), "Judo");
        assert_eq!(fit_label("All sports", 86.0, 11.0, true), "All sports");
        // Long ones end in an ellipsis and fit, bold ones sooner.
        for (s, bold) in [
            ("Wrestling (freestyle)", false),
            ("Все виды спорта", true),
            ("Bütün idman növləri", true),
            ("Tous les sports", true),
            ("WWWWWWWWWWWWWWWWWWWW", false),
        ] {
            let cut = fit_label(s, 86.0, 11.0, bold);
            assert!(cut.ends_with('…') && !cut.ends_with(" …"), "{s} → {cut}");
            let k = if bold { 11.0 * 1.12 } else { 11.0 };
            let w: f64 = cut.chars().map(|c| char_em(c) * k).sum();
            assert!(w <= 86.0 + 1e-9, "{cut} is {w} wide");
            assert!(s.starts_with(cut.trim_end_matches('…')));
        }
        assert_eq!(
            fit_label("Wrestling (freestyle)", 86.0, 11.0, false),
            "Wrestling (fr…"
        );
        assert!(
            fit_label("Все виды спорта", 86.0, 11.0, true)
                .chars()
                .count()
                < 14
        );
        // No room at all still gives a mark, never a panic.
        assert_eq!(fit_label("Judo", 1.0, 11.0, false), "…");
        assert_eq!(fit_label("", 0.0, 11.0, false), "");
    }
    #[test]
    fn the_label_column_fits_the_widest_label_within_its_bounds() {
        let names = ["All sports", "Judo", "Wrestling (Greco-Roman)"];
        let col = label_column(&names, 11.0, 92.0, 160.0);
        // Wide enough that no name is cut, and no wider than it needs.
        for (i, n) in names.iter().enumerate() {
            assert_eq!(fit_label(n, col - 6.0, 11.0, i == 0), *n);
        }
        assert!((col - 6.0 - label_width(names[2], 11.0, false)).abs() < 1e-9);
        // Short names keep the minimum; a very long one is held to the maximum.
        assert_eq!(label_column(&["All", "Judo"], 11.0, 92.0, 160.0), 92.0);
        assert_eq!(
            label_column(&["x", &"Long name ".repeat(9)], 11.0, 92.0, 160.0),
            160.0
        );
    }

    #[test]
    fn segment_labels_fit_their_segment_or_are_left_out() {
        // Room for both.
        assert_eq!(
            segment_label("G", "2", 40.0, 18.2).as_deref(),
            Some("G\u{202f}2")
        );
        // Too narrow for "B10" (25 units) but not for "10" (18): the count stays.
        assert_eq!(segment_label("B", "10", 20.0, 30.0).as_deref(), Some("10"));
        // Too short for a line of text, however wide: nothing spills out.
        assert_eq!(segment_label("S", "1", 40.0, 7.2), None);
        assert_eq!(
            segment_label("S", "1", 40.0, SEGMENT_TEXT_HEIGHT).as_deref(),
            Some("S\u{202f}1")
        );
        // Too narrow for even the count.
        assert_eq!(segment_label("G", "1", 8.0, 30.0), None);
        // Multi-byte letters count as one glyph each.
        assert_eq!(
            segment_label("З", "2", 21.0, 18.0).as_deref(),
            Some("З\u{202f}2")
        );
        // The letter and its space need 3 units more than the two glyphs.
        assert_eq!(segment_label("З", "2", 20.0, 18.0).as_deref(), Some("2"));
    }
}
