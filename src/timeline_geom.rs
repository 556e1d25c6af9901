//! Pure geometry and deep-link helpers for the hosted-events timeline.
//!
//! Kept free of web-sys so the parts most likely to go wrong (time scale,
//! label collision, hash parsing) are tested natively and quickly; the Yew
//! component in `components::timeline` only turns the result into DOM.

use crate::data::model::Date;
use crate::data::order::sorted_indices;

/// Marker size in CSS pixels; `www/timeline.css` draws markers this size.
pub const MARKER_PX: f64 = 16.0;
/// Space between a marker and its label, in CSS pixels.
pub const LABEL_GAP_PX: f64 = 4.0;
/// Minimum empty space between two boxes in one lane, in CSS pixels.
pub const BOX_GAP_PX: f64 = 6.0;
/// Estimated width of one label character (12px system font, erring wide:
/// DejaVu Sans, a common Linux fallback, averages about 7.3px).
pub const CHAR_PX: f64 = 7.5;
/// Labels longer than this are cut with an ellipsis when the track has no
/// room for more (see [`layout`]); the details panel has the full name.
pub const MAX_LABEL_CHARS: usize = 24;
/// Longer label caps [`layout`] tries, longest first.
pub const LABEL_CAPS: [usize; 3] = [64, 44, 32];
/// Lanes (rows) the horizontal axis may use before it shifts markers sideways.
pub const LANE_CAP: usize = 5;
/// The narrowest axis drawn, so a few events still spread over a typical widget.
pub const BASE_AXIS_PX: f64 = 440.0;
/// Minimum distance between year ticks, in CSS pixels.
pub const MIN_TICK_PX: f64 = 48.0;
/// Empty space before the first year, so the first marker is not clipped.
pub const PAD_PX: f64 = 12.0;

/// A linear map from days since the epoch to x in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    /// First day of the domain (maps to `x0`).
    pub d0: i64,
    /// Last day of the domain (maps to `x1`), greater than `d0`.
    pub d1: i64,
    /// x of `d0`.
    pub x0: f64,
    /// x of `d1`.
    pub x1: f64,
}

/// A year boundary on the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tick {
    /// The year that starts here.
    pub year: u16,
    /// x of 1 January of `year`.
    pub x: f64,
}

impl TimeScale {
    /// A scale over whole calendar years: 1 January of `first` year to
    /// 1 January of the year after `last`, so year ticks land on both ends.
    pub fn for_years(first: u16, last: u16, x0: f64, x1: f64) -> TimeScale {
        let last = last.max(first);
        TimeScale {
            d0: jan1(first),
            d1: jan1(last.saturating_add(1)),
            x0,
            x1,
        }
    }

    /// x of a day (days since 1970-01-01); extrapolates outside the domain.
    pub fn x(&self, day: i64) -> f64 {
        let span = (self.d1 - self.d0).max(1) as f64;
        self.x0 + (day - self.d0) as f64 / span * (self.x1 - self.x0)
    }

    /// Year ticks inside the domain, every 1, 2, 5, 10, … years so that
    /// neighbouring ticks are at least `min_px` apart.
    pub fn year_ticks(&self, min_px: f64) -> Vec<Tick> {
        let first = year_of_day(self.d0);
        let last = year_of_day(self.d1);
        let px_per_year = (self.x1 - self.x0) / ((self.d1 - self.d0).max(1) as f64 / 365.2425);
        let step = [1u16, 2, 5, 10, 20, 25, 50, 100, 200, 500]
            .into_iter()
            .find(|s| f64::from(*s) * px_per_year >= min_px)
            .unwrap_or(1000);
        (first..=last)
            .filter(|y| y % step == 0 && (self.d0..=self.d1).contains(&jan1(*y)))
            .map(|year| Tick {
                year,
                x: self.x(jan1(year)),
            })
            .collect()
    }
}

fn jan1(year: u16) -> i64 {
    Date {
        year,
        month: 1,
        day: 1,
    }
    .days_since_epoch()
}

/// The calendar year of a day count (inverse of `jan1`, good for 1–9999).
fn year_of_day(day: i64) -> u16 {
    let mut y = (1970 + day.div_euclid(365)).clamp(1, 9999) as u16;
    while y > 1 && jan1(y) > day {
        y -= 1;
    }
    while y < 9999 && jan1(y + 1) <= day {
        y += 1;
    }
    y
}

/// One event as the layout sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LayoutInput {
    /// First day, in days since the epoch.
    pub day: i64,
    /// Label length in characters (before any cut).
    pub label_chars: usize,
}

/// Where one event's marker (and maybe label) goes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Index into the layout's input.
    pub index: usize,
    /// Centre of the marker, in CSS pixels from the track's left edge.
    pub x: f64,
    /// Where the date really is; differs from `x` only when the lanes were full.
    pub true_x: f64,
    /// Row, 0 nearest the axis.
    pub lane: usize,
    /// Width reserved for the label, or `None` when there is no room for one
    /// (the name is then only in the accessible name and the details panel).
    pub label_px: Option<f64>,
    /// The label sits left of the marker (near the end of the axis, so the
    /// track need not grow by a label's width).
    pub label_before: bool,
}

impl Placed {
    /// The horizontal extent this placement occupies in its lane.
    pub fn span(&self) -> (f64, f64) {
        let (left, right) = (self.x - MARKER_PX / 2.0, self.x + MARKER_PX / 2.0);
        match (self.label_px, self.label_before) {
            (Some(w), false) => (left, right + LABEL_GAP_PX + w),
            (Some(w), true) => (left - LABEL_GAP_PX - w, right),
            (None, _) => (left, right),
        }
    }
}

/// The whole timeline layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The date-to-x scale used.
    pub scale: TimeScale,
    /// Total track width in CSS pixels (axis plus room for the last labels).
    pub width: f64,
    /// Lanes in use (at least 1).
    pub lanes: usize,
    /// Placements in date order (ties in input order).
    pub items: Vec<Placed>,
    /// Year ticks.
    pub ticks: Vec<Tick>,
}

/// The label width the layout reserves for a label of `chars` characters
/// cut at `cap`.
pub fn label_px(chars: usize, cap: usize) -> f64 {
    chars.min(cap) as f64 * CHAR_PX + 2.0
}

/// Lays out events on a horizontal axis so that no two boxes in a lane
/// overlap (see [`layout_capped`]), with labels as long as they can be for
/// free: a cap from [`LABEL_CAPS`] is taken over [`MAX_LABEL_CHARS`] only if
/// it drops no more labels, moves no more markers, and needs no more lanes
/// and no wider track. On a wide widget, names are then written whole.
pub fn layout(input: &[LayoutInput], avail_px: f64) -> Layout {
    // Sorted once for every cap tried.
    let order = by_day(input);
    let base = place(input, &order, avail_px, MAX_LABEL_CHARS);
    if input.iter().all(|i| i.label_chars <= MAX_LABEL_CHARS) {
        return base;
    }
    let cost = |l: &Layout| {
        let bare = l.items.iter().filter(|p| p.label_px.is_none()).count();
        let moved = l.items.iter().filter(|p| p.x != p.true_x).count();
        (bare, moved, l.lanes, l.width)
    };
    let (bare, moved, lanes, width) = cost(&base);
    LABEL_CAPS
        .iter()
        .map(|&cap| place(input, &order, avail_px, cap))
        .find(|l| {
            let (b, m, n, w) = cost(l);
            b <= bare && m <= moved && n <= lanes && w <= width
        })
        .unwrap_or(base)
}

/// Lays out events on a horizontal axis so that no two boxes in a lane
/// overlap, each label given the room of at most `cap` characters.
///
/// `avail_px` is the width the widget offers (0 when unknown); the axis fills
/// it, and never gets narrower than [`BASE_AXIS_PX`]. The axis also grows with the number of events (the view scrolls it) so the
/// average density fits the lane cap; each event then takes the lowest lane
/// where marker and label fit, else the lowest where the marker alone fits,
/// else it moves right of the lane that frees first. Sorting is O(n log n),
/// placement O(n · [`LANE_CAP`]).
pub fn layout_capped(input: &[LayoutInput], avail_px: f64, cap: usize) -> Layout {
    place(input, &by_day(input), avail_px, cap)
}

/// Indices of `input` in date order (ties in input order).
fn by_day(input: &[LayoutInput]) -> Vec<usize> {
    sorted_indices(input.len(), &mut |a, b| input[a].day.cmp(&input[b].day))
}

/// [`layout_capped`] with the events' date order already known.
fn place(input: &[LayoutInput], order: &[usize], avail_px: f64, cap: usize) -> Layout {
    let (first, last) = match (order.first(), order.last()) {
        (Some(&a), Some(&b)) => (year_of_day(input[a].day), year_of_day(input[b].day)),
        _ => (2000, 2000),
    };
    let pitch = MARKER_PX + BOX_GAP_PX;
    // Three times the bare minimum: measured on 1,000 random dates, shifts
    // stay rare (about 2%) and short (about one marker) at this density.
    let axis = (input.len() as f64 * pitch * 3.0 / LANE_CAP as f64)
        .max(BASE_AXIS_PX)
        .max(avail_px - 2.0 * PAD_PX);
    let scale = TimeScale::for_years(first, last, PAD_PX, PAD_PX + axis);

    // Right end of each lane, and the last placement in it (whose label may
    // be dropped to make room: markers outrank labels).
    let mut lane_end = [f64::NEG_INFINITY; LANE_CAP];
    let mut lane_last: [Option<usize>; LANE_CAP] = [None; LANE_CAP];
    let mut items: Vec<Placed> = Vec::with_capacity(input.len());
    let fits = |p: &Placed, end: f64| end + BOX_GAP_PX <= p.span().0;
    for &index in order {
        let x = scale.x(input[index].day);
        let mut p = Placed {
            index,
            x,
            true_x: x,
            lane: 0,
            label_px: Some(label_px(input[index].label_chars, cap)),
            label_before: false,
        };
        if p.span().1 > scale.x1 + PAD_PX {
            p.label_before = true;
            p.label_before = p.span().0 >= 0.0;
        }
        let lane = (0..LANE_CAP).find(|&l| fits(&p, lane_end[l])).or_else(|| {
            p.label_px = None;
            (0..LANE_CAP).find(|&l| fits(&p, lane_end[l]))
        });
        let lane = lane.or_else(|| {
            (0..LANE_CAP).find(|&l| match lane_last[l] {
                Some(prev) if items[prev].label_px.is_some() => {
                    let mut bare = items[prev];
                    bare.label_px = None;
                    fits(&p, bare.span().1)
                }
                _ => false,
            })
        });
        match lane {
            Some(l) => p.lane = l,
            None => {
                let l = (0..LANE_CAP)
                    .min_by(|&a, &b| lane_end[a].total_cmp(&lane_end[b]))
                    .unwrap_or(0);
                p.lane = l;
                p.x = lane_end[l] + BOX_GAP_PX + MARKER_PX / 2.0;
            }
        }
        if let Some(prev) = lane_last[p.lane] {
            if !fits(&p, items[prev].span().1) {
                items[prev].label_px = None;
            }
        }
        lane_end[p.lane] = p.span().1;
        lane_last[p.lane] = Some(items.len());
        items.push(p);
    }
    let right = items.iter().map(|p| p.span().1).fold(scale.x1, f64::max);
    Layout {
        scale,
        width: (right + PAD_PX).ceil(),
        lanes: items.iter().map(|p| p.lane + 1).max().unwrap_or(1),
        ticks: scale.year_ticks(MIN_TICK_PX),
        items,
    }
}

/// The URL-hash key under which a widget instance keeps its selected event,
/// as it reads decoded (`hash_set` and `hash_get` encode and decode keys),
/// so `#ms-Bakı-event=…` typed by hand is the key of the element `Bakı`.
pub fn hash_key(instance: &str) -> String {
    if instance.is_empty() {
        "ms-event".to_string()
    } else {
        format!("ms-{instance}-event")
    }
}

/// The decoded value of `key` in a `#k=v&k2=v2` hash (leading `#` optional).
pub fn hash_get(hash: &str, key: &str) -> Option<String> {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    body.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        (percent_decode(k) == key).then(|| percent_decode(v))
    })
}

/// `hash` with `key` set to `value` (or removed when `None`); every other
/// pair is kept byte for byte and in place. Returns `""` or a string starting
/// with `#`.
pub fn hash_set(hash: &str, key: &str, value: Option<&str>) -> String {
    let body = hash.strip_prefix('#').unwrap_or(hash);
    let ours = value.map(|v| format!("{}={}", percent_encode(key), percent_encode(v)));
    let mut out: Vec<String> = Vec::new();
    let mut written = false;
    for pair in body.split('&').filter(|p| !p.is_empty()) {
        let k = pair.split_once('=').map_or(pair, |(k, _)| k);
        if percent_decode(k) == key {
            if let (Some(o), false) = (&ours, written) {
                out.push(o.clone());
            }
            written = true;
        } else {
            out.push(pair.to_string());
        }
    }
    if let (Some(o), false) = (ours, written) {
        out.push(o);
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("#{}", out.join("&"))
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, as UTF-8.
pub fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; malformed escapes stay as written and invalid
/// UTF-8 becomes U+FFFD, since hashes are typed and pasted by people.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| char::from(c).to_digit(16).map(|d| d as u8);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push(h * 16 + l);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether a link from data may be rendered: absolute `http` or `https` only.
pub fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> i64 {
        Date::parse(s).unwrap().days_since_epoch()
    }

    /// A tiny LCG so the property tests need no extra crates and are repeatable.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> u64 {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            self.0 >> 33
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn assert_no_overlap(l: &Layout) {
        for lane in 0..l.lanes {
            let mut spans: Vec<(f64, f64)> = l
                .items
                .iter()
                .filter(|p| p.lane == lane)
                .map(Placed::span)
                .collect();
            spans.sort_by(|a, b| a.0.total_cmp(&b.0));
            for w in spans.windows(2) {
                assert!(w[0].1 + BOX_GAP_PX <= w[1].0 + 1e-9, "lane {lane}: {w:?}");
            }
        }
        for p in &l.items {
            assert!(p.lane < LANE_CAP);
            assert!(p.x >= p.true_x);
            assert!(
                p.span().0 >= 0.0 && p.span().1 <= l.width,
                "{p:?} in {}",
                l.width
            );
        }
    }

    #[test]
    fn scale_maps_dates_linearly() {
        let s = TimeScale::for_years(2015, 2019, 0.0, 500.0);
        assert_eq!(s.d0, day("2015-01-01"));
        assert_eq!(s.d1, day("2020-01-01"));
        assert_eq!(s.x(s.d0), 0.0);
        assert_eq!(s.x(s.d1), 500.0);
        let mid = s.x(day("2017-07-02"));
        assert!((mid - 250.0).abs() < 1.0, "{mid}");
        assert!(s.x(day("2015-06-12")) < s.x(day("2017-05-12")));
    }

    #[test]
    fn ticks_fall_on_years_and_thin_out() {
        let s = TimeScale::for_years(2015, 2019, 0.0, 500.0);
        let years: Vec<u16> = s.year_ticks(48.0).iter().map(|t| t.year).collect();
        assert_eq!(years, vec![2015, 2016, 2017, 2018, 2019, 2020]);
        assert_eq!(s.year_ticks(48.0)[0].x, 0.0);
        let wide = TimeScale::for_years(1900, 2024, 0.0, 500.0);
        let ticks = wide.year_ticks(48.0);
        assert!(ticks.windows(2).all(|w| w[1].x - w[0].x >= 48.0));
        assert!(ticks.iter().all(|t| t.year % 20 == 0), "{ticks:?}");
        assert_eq!(year_of_day(day("2016-12-31")), 2016);
        assert_eq!(year_of_day(day("2017-01-01")), 2017);
        assert_eq!(year_of_day(day("1896-04-06")), 1896);
    }

    #[test]
    fn one_event() {
        let l = layout(
            &[LayoutInput {
                day: day("2015-06-12"),
                label_chars: 20,
            }],
            0.0,
        );
        assert_eq!(l.items.len(), 1);
        assert_eq!(l.lanes, 1);
        assert!(l.items[0].label_px.is_some());
        assert_eq!(l.ticks.first().map(|t| t.year), Some(2015));
        assert_no_overlap(&l);
    }

    #[test]
    fn default_three_are_apart_and_labelled() {
        let input = [
            ("2017-05-12", "2017 Islamic Solidarity Games"),
            ("2015-06-12", "2015 European Games"),
            ("2019-07-21", "2019 European Youth Olympic Festival"),
        ]
        .map(|(d, n)| LayoutInput {
            day: day(d),
            label_chars: n.chars().count(),
        });
        let l = layout(&input, 0.0);
        let order: Vec<usize> = l.items.iter().map(|p| p.index).collect();
        assert_eq!(order, vec![1, 0, 2]);
        assert!(l
            .items
            .iter()
            .all(|p| p.label_px.is_some() && p.x == p.true_x));
        assert!(l.items.windows(2).all(|w| w[1].x - w[0].x > 100.0));
        assert!(l.width <= BASE_AXIS_PX + 3.0 * PAD_PX, "{}", l.width);
        assert_no_overlap(&l);
    }

    #[test]
    fn axis_fills_the_width_offered() {
        let input: Vec<LayoutInput> = [
            "2015-06-12",
            "2016-06-19",
            "2016-09-01",
            "2017-05-12",
            "2018-09-20",
            "2019-05-29",
            "2019-07-21",
            "2021-06-12",
        ]
        .iter()
        .map(|d| LayoutInput {
            day: day(d),
            label_chars: 30,
        })
        .collect();
        let narrow = layout(&input, 0.0);
        let wide = layout(&input, 800.0);
        assert_eq!(wide.width, 800.0);
        let labelled = |l: &Layout| l.items.iter().filter(|p| p.label_px.is_some()).count();
        assert!(labelled(&wide) >= labelled(&narrow));
        assert_eq!(labelled(&wide), 8, "{wide:?}");
        assert_no_overlap(&wide);
    }

    #[test]
    fn hundred_close_together_stack_without_overlap() {
        let base = day("2019-07-21");
        let input: Vec<LayoutInput> = (0..100)
            .map(|i| LayoutInput {
                day: base + i / 10,
                label_chars: 15 + (i as usize % 20),
            })
            .collect();
        let l = layout(&input, 0.0);
        assert_eq!(l.items.len(), 100);
        assert!(l.lanes <= LANE_CAP);
        assert!(l.items.iter().any(|p| p.label_px.is_some()));
        assert_no_overlap(&l);
    }

    #[test]
    fn thousand_events_scale_and_do_not_overlap() {
        let mut rng = Lcg(7);
        let start = day("2000-01-01");
        let input: Vec<LayoutInput> = (0..1000)
            .map(|_| LayoutInput {
                day: start + rng.below(25 * 365) as i64,
                label_chars: 3 + rng.below(60) as usize,
            })
            .collect();
        let l = layout(&input, 0.0);
        assert_eq!(l.items.len(), 1000);
        let mut seen: Vec<usize> = l.items.iter().map(|p| p.index).collect();
        seen.sort_unstable();
        assert_eq!(seen, (0..1000).collect::<Vec<_>>());
        assert_no_overlap(&l);
        // Shifts are the exception, not the rule, when the axis grows with n.
        let shifted = l.items.iter().filter(|p| p.x != p.true_x).count();
        let worst = l.items.iter().map(|p| p.x - p.true_x).fold(0.0, f64::max);
        assert!(shifted < 60, "{shifted} shifted");
        assert!(
            worst < 3.0 * (MARKER_PX + BOX_GAP_PX),
            "shifted by {worst}px"
        );
    }

    #[test]
    fn random_layouts_never_overlap() {
        let mut rng = Lcg(42);
        for _ in 0..300 {
            let n = 1 + rng.below(150) as usize;
            let start = day("1990-01-01") + rng.below(10_000) as i64;
            let spread = 1 + rng.below(20_000) as i64;
            let input: Vec<LayoutInput> = (0..n)
                .map(|_| LayoutInput {
                    day: start + rng.below(spread as u64) as i64,
                    label_chars: rng.below(80) as usize,
                })
                .collect();
            let avail = rng.below(1500) as f64;
            let l = layout(&input, avail);
            assert!(l.width >= avail);
            assert_eq!(l.items.len(), n);
            assert!(l.items.windows(2).all(|w| {
                let (a, b) = (&input[w[0].index], &input[w[1].index]);
                (a.day, w[0].index) < (b.day, w[1].index)
            }));
            assert_no_overlap(&l);
        }
    }

    #[test]
    fn empty_layout() {
        let l = layout(&[], 0.0);
        assert!(l.items.is_empty());
        assert_eq!(l.lanes, 1);
    }

    #[test]
    fn hash_round_trip_two_instances_odd_ids() {
        let ids = [
            "baku-2015",
            "with space",
            "a&b=c#d",
            "Bakı 2015 – Avropa",
            "%41 literal",
            "",
            "🏅/?+",
        ];
        let (ka, kb) = (hash_key("a"), hash_key("b w&"));
        assert_eq!(ka, "ms-a-event");
        // Encoded once: an id outside the URL's safe characters is written
        // as a browser writes it, so a link typed by hand finds it.
        assert_eq!(
            hash_set("", &hash_key("Bakı a"), Some("x")),
            "#ms-Bak%C4%B1%20a-event=x"
        );
        for a in ids {
            for b in ids {
                let h = hash_set("#other=1&x", &ka, Some(a));
                let h = hash_set(&h, &kb, Some(b));
                assert_eq!(hash_get(&h, &ka).as_deref(), Some(a), "{h}");
                assert_eq!(hash_get(&h, &kb).as_deref(), Some(b), "{h}");
                assert!(h.starts_with("#other=1&x&"), "{h}");
                assert_eq!(h.matches('#').count(), 1, "{h}");
                // Rewriting one key leaves the other and foreign pairs alone.
                let h2 = hash_set(&h, &ka, Some("new"));
                assert_eq!(hash_get(&h2, &kb).as_deref(), Some(b));
                assert_eq!(hash_get(&h2, &ka).as_deref(), Some("new"));
                assert_eq!(h2.len() + percent_encode(a).len(), h.len() + 3);
            }
        }
    }

    #[test]
    fn hash_edge_cases() {
        assert_eq!(hash_get("", "ms-event"), None);
        assert_eq!(hash_get("#", "ms-event"), None);
        assert_eq!(hash_get("#ms-event", "ms-event").as_deref(), Some(""));
        assert_eq!(hash_get("ms-event=x%", "ms-event").as_deref(), Some("x%"));
        assert_eq!(
            hash_get("#ms-event=%zz", "ms-event").as_deref(),
            Some("%zz")
        );
        assert_eq!(hash_set("#ms-event=x", "ms-event", None), "");
        assert_eq!(hash_set("", "ms-event", Some("y")), "#ms-event=y");
        assert_eq!(
            hash_set("#a=1&ms-event=x&b=2&ms-event=z", "ms-event", Some("y")),
            "#a=1&ms-event=y&b=2"
        );
        assert_eq!(hash_set("#top", "k", Some("v")), "#top&k=v");
    }

    #[test]
    fn only_http_links_are_safe() {
        assert!(is_safe_url("https://www.olympics.com/en/"));
        assert!(is_safe_url("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "//example.org",
            "/relative",
            "https://exa\nmple.org",
            "",
        ] {
            assert!(!is_safe_url(bad), "{bad}");
        }
    }
    #[test]
    fn labels_are_whole_when_the_track_has_room() {
        let names = [
            ("2015-06-12", "2015 European Games"),
            ("2016-06-19", "2016 European Grand Prix (Formula One)"),
            ("2017-05-12", "2017 Islamic Solidarity Games"),
            ("2019-07-21", "2019 European Youth Olympic Festival"),
        ];
        let input = names.map(|(d, n)| LayoutInput {
            day: day(d),
            label_chars: n.chars().count(),
        });
        let room = |l: &Layout, i: usize| l.items.iter().find(|p| p.index == i).unwrap().label_px;
        // A desktop widget: every name gets its full width.
        let wide = layout(&input, 984.0);
        for (i, (_, n)) in names.iter().enumerate() {
            assert_eq!(
                room(&wide, i),
                Some(label_px(n.chars().count(), usize::MAX)),
                "{n}"
            );
        }
        assert_no_overlap(&wide);
        // Never at a cost: no label lost, no marker moved, no lane or width added.
        for avail in [0.0, 320.0, 480.0, 640.0, 984.0] {
            let l = layout(&input, avail);
            let base = layout_capped(&input, avail, MAX_LABEL_CHARS);
            let bare = |l: &Layout| l.items.iter().filter(|p| p.label_px.is_none()).count();
            assert!(
                bare(&l) <= bare(&base) && l.lanes <= base.lanes && l.width <= base.width,
                "{avail}"
            );
            assert!(l.items.iter().all(|p| p.x == p.true_x));
            assert_no_overlap(&l);
        }
    }
}
