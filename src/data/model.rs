//! The typed model of the v1 data contract, as the views consume it.
//!
//! These types are produced only by [`crate::data::validate`], never by a
//! serde derive: building them by hand from a [`crate::data::json::Json`] tree
//! is what lets validation name the exact JSON path of every problem and keep
//! going after the first one.

use std::collections::BTreeMap;
use std::fmt;

/// The one data-format version this build understands.
pub const SUPPORTED_VERSION: u32 = 1;

/// A medal colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MedalKind {
    /// First place.
    Gold,
    /// Second place.
    Silver,
    /// Third place (two per event in combat sports).
    Bronze,
}

impl MedalKind {
    /// All kinds in podium order.
    pub const ALL: [MedalKind; 3] = [MedalKind::Gold, MedalKind::Silver, MedalKind::Bronze];

    /// The data-format spelling (`"gold"`, `"silver"`, `"bronze"`).
    pub fn as_str(self) -> &'static str {
        match self {
            MedalKind::Gold => "gold",
            MedalKind::Silver => "silver",
            MedalKind::Bronze => "bronze",
        }
    }

    /// Parses the data-format spelling.
    pub fn parse(s: &str) -> Option<MedalKind> {
        match s {
            "gold" => Some(MedalKind::Gold),
            "silver" => Some(MedalKind::Silver),
            "bronze" => Some(MedalKind::Bronze),
            _ => None,
        }
    }
}

/// Summer or winter Games.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    /// Games of the Olympiad.
    Summer,
    /// Olympic Winter Games.
    Winter,
}

impl Season {
    /// The data-format spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            Season::Summer => "summer",
            Season::Winter => "winter",
        }
    }

    /// Parses the data-format spelling.
    pub fn parse(s: &str) -> Option<Season> {
        match s {
            "summer" => Some(Season::Summer),
            "winter" => Some(Season::Winter),
            _ => None,
        }
    }
}

/// A calendar date (`YYYY-MM-DD`), checked to exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year, 1896–2100 once validated.
    pub year: u16,
    /// Month, 1–12.
    pub month: u8,
    /// Day of month, valid for that month.
    pub day: u8,
}

impl Date {
    /// Parses a strict ISO `YYYY-MM-DD` date; `None` if malformed or the day
    /// does not exist (e.g. `2023-02-29`).
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let digits = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| {
                c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
            })
        };
        let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// Days since 1970-01-01 (negative before), for time scales.
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Gold, silver and bronze counts with their total.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Tally {
    /// Gold medals.
    pub gold: u32,
    /// Silver medals.
    pub silver: u32,
    /// Bronze medals.
    pub bronze: u32,
}

impl Tally {
    /// Sum of the three colours.
    pub fn total(&self) -> u32 {
        self.gold + self.silver + self.bronze
    }

    /// The count of one colour.
    pub fn get(&self, kind: MedalKind) -> u32 {
        match kind {
            MedalKind::Gold => self.gold,
            MedalKind::Silver => self.silver,
            MedalKind::Bronze => self.bronze,
        }
    }

    /// Adds one medal of `kind`.
    pub fn add(&mut self, kind: MedalKind) {
        match kind {
            MedalKind::Gold => self.gold += 1,
            MedalKind::Silver => self.silver += 1,
            MedalKind::Bronze => self.bronze += 1,
        }
    }
}

/// The country the card is about.
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// IOC code, three capital letters.
    pub code: String,
    /// Display name (the data's default language).
    pub name: String,
    /// Optional names per language tag (`"fr" → "Azerbaïdjan"`).
    pub names: BTreeMap<String, String>,
}

impl Country {
    /// The name for `lang` (exact tag, then its primary subtag), else the default.
    pub fn name_in(&self, lang: &str) -> &str {
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        self.names
            .get(lang)
            .or_else(|| self.names.get(primary))
            .unwrap_or(&self.name)
    }
}

/// The featured Games.
#[derive(Debug, Clone, PartialEq)]
pub struct Games {
    /// Display name, e.g. "Paris 2024".
    pub name: String,
    /// Year of the Games.
    pub year: u16,
    /// Summer or winter.
    pub season: Season,
    /// Host city.
    pub city: String,
}

/// One medal won by the featured country at the featured Games.
#[derive(Debug, Clone, PartialEq)]
pub struct Medal {
    /// Colour.
    pub medal: MedalKind,
    /// Athletes, or a single team name; a team medal is still one medal.
    pub athletes: Vec<String>,
    /// Sport (discipline) name.
    pub sport: String,
    /// Event name.
    pub event: String,
    /// Day the medal was won.
    pub date: Date,
}

/// One row of the full medal table.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    /// IOC code, unique within the table; the stable key of the row.
    pub code: String,
    /// Team name.
    pub name: String,
    /// Medal counts.
    pub tally: Tally,
    /// The rank the data gave, if any (already checked against the computed one).
    pub rank: Option<u32>,
    /// `false` for a team shown but not ranked (e.g. Individual Neutral Athletes).
    pub ranked: bool,
}

/// The country at one Games.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryEntry {
    /// Year of the Games.
    pub year: u16,
    /// Summer or winter.
    pub season: Season,
    /// Host city.
    pub city: String,
    /// Medal counts.
    pub tally: Tally,
    /// Rank in that Games' table, where known.
    pub rank: Option<u32>,
    /// How sure the rank is, e.g. "computed, not from an official table".
    pub rank_note: Option<String>,
}

/// What kind of hosted event, for the timeline's filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EventCategory {
    /// A multi-sport Games (European Games, EYOF, …).
    MultiSport,
    /// Any other international event (a championship, a final, a race).
    Other,
}

impl EventCategory {
    /// The data-format spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            EventCategory::MultiSport => "multi-sport",
            EventCategory::Other => "other",
        }
    }

    /// Parses the data-format spelling.
    pub fn parse(s: &str) -> Option<EventCategory> {
        match s {
            "multi-sport" => Some(EventCategory::MultiSport),
            "other" => Some(EventCategory::Other),
            _ => None,
        }
    }
}

/// An event the country hosted.
#[derive(Debug, Clone, PartialEq)]
pub struct HostedEvent {
    /// Stable id, unique within `hosted`; used as list key and deep-link value.
    pub id: String,
    /// Event name.
    pub name: String,
    /// Year (of the start date).
    pub year: u16,
    /// Host city.
    pub city: String,
    /// First day.
    pub start: Date,
    /// Last day (≥ start).
    pub end: Date,
    /// Multi-sport Games or other event; multi-sport when absent.
    pub category: EventCategory,
    /// Participating nations, where confirmed.
    pub nations: Option<u32>,
    /// Participating athletes, where confirmed.
    pub athletes: Option<u32>,
    /// Sports on the programme, where confirmed.
    pub sports: Option<u32>,
    /// Medal events, where confirmed.
    pub events: Option<u32>,
    /// The host country's own result, e.g. "2nd in the medal table".
    pub host_result: Option<String>,
    /// One-paragraph summary.
    pub summary: Option<String>,
    /// Source link, `http`/`https` only.
    pub url: Option<String>,
}

/// A cited source for the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// What the source is.
    pub label: String,
    /// Where it is, `http`/`https` only.
    pub url: Option<String>,
}

/// A section of the dataset: not given, given and valid, or given but broken
/// (its problems are in the validation report under its path).
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Section<T> {
    /// The data has no such section: the view is not offered.
    #[default]
    Absent,
    /// The section passed validation.
    Valid(T),
    /// The section had errors: the view shows them in place.
    Invalid,
}

impl<T> Section<T> {
    /// The valid data, if any.
    pub fn valid(&self) -> Option<&T> {
        match self {
            Section::Valid(t) => Some(t),
            _ => None,
        }
    }

    /// Whether the data has this section at all (valid or not).
    pub fn is_present(&self) -> bool {
        !matches!(self, Section::Absent)
    }
}

/// A whole validated dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Dataset {
    /// The country the card is about.
    pub country: Country,
    /// The featured Games.
    pub games: Section<Games>,
    /// The country's medals at the featured Games.
    pub medals: Section<Vec<Medal>>,
    /// The full medal table of the featured Games.
    pub table: Section<Vec<TableRow>>,
    /// The country at each Games.
    pub history: Section<Vec<HistoryEntry>>,
    /// Events the country hosted.
    pub hosted: Section<Vec<HostedEvent>>,
    /// Cited sources (invalid entries are dropped and reported).
    pub sources: Vec<Source>,
    /// When the data was last updated (ISO timestamp as given).
    pub as_of: Option<String>,
}

impl Dataset {
    /// The featured country's row in the table, if the table is valid.
    pub fn country_row(&self) -> Option<&TableRow> {
        self.table
            .valid()?
            .iter()
            .find(|r| r.code == self.country.code)
    }
}

/// A validated `as_of` (`YYYY-MM-DD[THH:MM[:SS][Z|±HH:MM]]`) taken apart for
/// display: its date, its clock time `HH:MM` (seconds dropped) when given,
/// and its zone (`Z` or `±HH:MM`) when given. The time is shown as written,
/// in the zone the data gives, not converted to the reader's.
pub fn split_as_of(s: &str) -> Option<(Date, Option<&str>, Option<&str>)> {
    let date = Date::parse(s.get(..10)?)?;
    let Some(rest) = s.get(10..).filter(|r| !r.is_empty()) else {
        return Some((date, None, None));
    };
    let time = rest.get(1..6)?;
    let mut zone = rest.get(6..)?;
    if zone.starts_with(':') {
        zone = zone.get(3..)?;
    }
    Some((date, Some(time), (!zone.is_empty()).then_some(zone)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn as_of_splits_into_date_time_and_zone() {
        let d = Date::parse("2024-08-19").unwrap();
        assert_eq!(split_as_of("2024-08-19"), Some((d, None, None)));
        assert_eq!(
            split_as_of("2024-08-19T14:05"),
            Some((d, Some("14:05"), None))
        );
        assert_eq!(
            split_as_of("2024-08-19T14:05:59Z"),
            Some((d, Some("14:05"), Some("Z")))
        );
        assert_eq!(
            split_as_of("2024-08-19T14:05+04:00"),
            Some((d, Some("14:05"), Some("+04:00")))
        );
        assert_eq!(
            split_as_of("2024-08-19T14:05:07-03:30"),
            Some((d, Some("14:05"), Some("-03:30")))
        );
        assert_eq!(split_as_of("2024-02-30"), None);
        assert_eq!(split_as_of("2024-08-19T1"), None);
    }

    #[test]
    fn dates_parse_strictly() {
        assert_eq!(
            Date::parse("2024-07-29"),
            Some(Date {
                year: 2024,
                month: 7,
                day: 29
            })
        );
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2023-02-29",
            "2024-13-01",
            "2024-00-10",
            "2024-1-01",
            "24-01-01",
            "2024/01/01",
            "2024-01-32",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn epoch_days_match_known_values() {
        assert_eq!(Date::parse("1970-01-01").unwrap().days_since_epoch(), 0);
        assert_eq!(
            Date::parse("2000-03-01").unwrap().days_since_epoch(),
            11_017
        );
        assert_eq!(
            Date::parse("1896-04-06").unwrap().days_since_epoch(),
            -26_932
        );
        let a = Date::parse("2015-06-12").unwrap().days_since_epoch();
        let b = Date::parse("2015-06-28").unwrap().days_since_epoch();
        assert_eq!(b - a, 16);
    }

    #[test]
    fn country_name_falls_back_to_default() {
        let mut names = BTreeMap::new();
        names.insert("fr".to_string(), "Azerbaïdjan".to_string());
        let c = Country {
            code: "AZE".into(),
            name: "Azerbaijan".into(),
            names,
        };
        assert_eq!(c.name_in("fr-CA"), "Azerbaïdjan");
        assert_eq!(c.name_in("ru"), "Azerbaijan");
    }
}
