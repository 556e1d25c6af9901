//! Every user-visible string of the views, keyed by [`Msg`].
//!
//! Tables exist for English, French, Azerbaijani (Latin script) and
//! Russian ([`Lang`]); a message missing from a table falls back to English,
//! never to its key. Sentences with variable parts are whole templates with
//! named `{placeholders}` (never concatenated fragments) so a translator can
//! reorder them. Ordinals are built by [`ordinal_in`] from digits the caller
//! formats through `Intl`.
//!
//! Everything here is pure Rust (no `web-sys`), so the language logic is
//! the same natively and in the browser.

/// A translatable UI string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Msg {
    /// Tab: the country card.
    TabCard,
    /// Tab: the list of medallists.
    TabMedalists,
    /// Tab: the full medal table.
    TabTable,
    /// Tab: medals per Games.
    TabHistory,
    /// Tab: hosted events.
    TabTimeline,
    /// Accessible name of the tab list; `{country}`.
    ViewsLabel,
    /// Medal colour names.
    Gold,
    /// Silver.
    Silver,
    /// Bronze.
    Bronze,
    /// Total medals.
    Total,
    /// One-letter marks drawn on medal badges and bars (not colour alone).
    GoldLetter,
    /// Silver's letter.
    SilverLetter,
    /// Bronze's letter.
    BronzeLetter,
    /// Rank sentence: `{rank}` is an ordinal ("30th"), `{count}` a number.
    RankOf,
    /// Rank sentence when shared: `{rank}`, `{count}`, `{names}` (a list).
    RankOfShared,
    /// Accessible text of the tied-rank badge: `{rank}` is a number.
    RankBadgeTied,
    /// Accessible text of the rank badge: `{rank}` is a number.
    RankBadge,
    /// Shown for a featured team that is in the table but not ranked.
    NotRanked,
    /// Caption of the medal counts on the card.
    MedalCounts,
    /// Which ranking the card's rank follows: gold first.
    RankedByGold,
    /// Which ranking the card's rank follows: total first.
    RankedByTotal,
    /// Heading of the breakdown chart.
    BreakdownTitle,
    /// Bar label for all sports together.
    AllSports,
    /// One sport in the chart's text alternative: `{sport}`, `{counts}`.
    SportSummary,
    /// Medal count phrase: `{n}` gold.
    NGold,
    /// `{n}` silver.
    NSilver,
    /// `{n}` bronze.
    NBronze,
    /// `{n}` in total.
    NTotal,
    /// Medalists filter group label.
    FilterByMedal,
    /// Filter: every colour.
    AllMedals,
    /// Shown when the filter leaves nothing.
    NoMedalsOfKind,
    /// Count of shown medals: `{n}`.
    ShowingN,
    /// Table caption: `{games}`.
    TableCaption,
    /// Table caption without a Games name.
    TableCaptionNoGames,
    /// Search box label.
    SearchLabel,
    /// Search box hint.
    SearchHint,
    /// Ranking switch label.
    RankingLabel,
    /// Ranking option: gold first.
    RankingGold,
    /// Ranking option: total first.
    RankingTotal,
    /// Button scrolling the featured row into view: `{country}`.
    ShowCountry,
    /// Column: rank.
    ColRank,
    /// Column: team name.
    ColName,
    /// Column: IOC code.
    ColCode,
    /// Visible mark of an unranked team.
    Unranked,
    /// Visually hidden mark of the featured row.
    Featured,
    /// Number of rows matching the search: `{n}` of `{total}`.
    RowsShown,
    /// Search with no match.
    NoRows,
    /// History chart heading: `{country}`.
    HistoryTitle,
    /// History table caption: `{country}`.
    HistoryCaption,
    /// Column: Games.
    ColGames,
    /// Notes heading under the history table.
    Notes,
    /// Rank unknown.
    RankUnknown,
    /// Season names.
    Summer,
    /// Winter.
    Winter,
    /// History chart text alternative for one Games: `{games}`, `{counts}`.
    GamesSummary,
    /// Heading of the validation messages box.
    InvalidSection,
    /// Explains that the section is not shown.
    InvalidExplain,
    /// Accessible name of the share/export toolbar.
    ActionsLabel,
    /// Button: download the medal table as CSV.
    DownloadTableCsv,
    /// Button: download the medallists as CSV.
    DownloadMedalistsCsv,
    /// Button: copy the embed code of the current view.
    CopyEmbed,
    /// Announced after the embed code was copied.
    EmbedCopied,
    /// Label of the read-only box shown when copying is not possible.
    EmbedManual,
    /// Shown when the widget does not know its data address.
    EmbedNoSrc,
    /// Timeline heading.
    TlTitle,
    /// Timeline with no events in the data.
    TlEmpty,
    /// Timeline filter group label.
    TlFilterLabel,
    /// Timeline filter: every event.
    TlFilterAll,
    /// Timeline filter and legend: multi-sport Games.
    TlMultiSport,
    /// Timeline filter and legend: other events.
    TlOther,
    /// Timeline filter option: `{filter}` (a label) and its count `{n}`.
    TlFilterOption,
    /// Accessible kind of a multi-sport marker (after its name).
    TlKindMulti,
    /// Accessible kind of another event's marker.
    TlKindOther,
    /// Line under a marker's name: `{city}`, `{year}`.
    TlMarkerMeta,
    /// Accessible name of the timeline axis.
    TlAxis,
    /// Axis name for a single year: `{year}`.
    TlAxisYear,
    /// Axis name for a span of years: `{from}`, `{to}`.
    TlAxisYears,
    /// Shown when the timeline filter leaves nothing.
    TlNoneOfKind,
    /// Accessible name of the list of markers.
    TlListLabel,
    /// Details label: participating nations.
    TlNations,
    /// Details label: athletes.
    TlAthletes,
    /// Details label: sports.
    TlSports,
    /// Details label: medal events.
    TlMedalEvents,
    /// Details label before the host's result.
    TlHostResult,
    /// Details link to the event's source.
    TlSource,
    /// Credits: when the data was last updated; `{date}` (a date, or a
    /// date and a time).
    AsOf,
    /// Credits: the disclosure of the data's sources; `{n}` of them.
    Sources,
    /// Screen-reader label of the loading skeleton.
    EmbedLoading,
    /// Button: load the data again.
    EmbedRetry,
    /// Note when a refresh failed: `{time}` of the last good update (HH:MM).
    EmbedStale,
    /// Note in the error panel shown over a prerendered snapshot.
    EmbedSnapshot,
    /// Label before the data address in the error panel.
    EmbedSource,
    /// Last item of a cut error list: `{n}` errors not listed.
    EmbedMore,
    /// Note over data shown with errors: `{n}` errors, the `{first}` one (technical).
    EmbedPartial,
    /// Error headline: the request failed (network, CORS).
    ErrTitleNetwork,
    /// Error headline: no answer in time.
    ErrTitleTimeout,
    /// Error headline: an HTTP error status.
    ErrTitleHttp,
    /// Error headline: the body is not JSON.
    ErrTitleNotJson,
    /// Error headline: JSON that fails validation.
    ErrTitleInvalid,
    /// Error headline: no source given.
    ErrTitleNoData,
    /// `{url}` cannot be requested; `{detail}` is the browser's message.
    ErrBadUrl,
    /// The browser has no way to fetch.
    ErrNoFetch,
    /// `{url}` did not answer within `{seconds}` seconds.
    ErrTimeout,
    /// Loading `{url}` failed; `{detail}` is the browser's message.
    ErrNetwork,
    /// Loading `{url}` gave something that is not a response.
    ErrNoResponse,
    /// HTTP error: `{status}` (code and reason, e.g. "404 Not Found") for `{url}`.
    ErrHttp,
    /// The body of `{url}` is not JSON; `{detail}` is technical.
    ErrNotJson,
    /// The inline JSON is not JSON; `{detail}` is technical.
    ErrNotJsonInline,
    /// Added when the text that is not JSON looks like HTML.
    HintHtml,
    /// Added when the text that is not JSON is empty.
    HintEmpty,
    /// Data from `{url}` fails validation: `{n}` errors, the `{first}` one (technical).
    ErrInvalid,
    /// Inline or property data fails validation: `{n}`, `{first}`.
    ErrInvalidHere,
    /// The `data` property is not plain JSON; `{detail}` is technical.
    ErrNotPlain,
    /// The element has no data source.
    ErrNoData,
    /// A refresh brought data with `{n}` errors; the old data stays.
    ErrUpdateInvalid,
    /// Live announcement: `{country}`, then `{changes}` (a `; ` list of the parts below).
    AnnounceChange,
    /// Announcement part: one new gold medal, `{n}` gold medals now.
    NewGold,
    /// Announcement part: `{added}` (2 or more) new gold medals, `{n}` now.
    NewGoldMany,
    /// Announcement part: the gold count went down to `{n}`.
    GoldCorrected,
    /// Announcement part: one new silver medal, `{n}` silver medals now.
    NewSilver,
    /// Announcement part: `{added}` (2 or more) new silver medals, `{n}` now.
    NewSilverMany,
    /// Announcement part: the silver count went down to `{n}`.
    SilverCorrected,
    /// Announcement part: one new bronze medal, `{n}` bronze medals now.
    NewBronze,
    /// Announcement part: `{added}` (2 or more) new bronze medals, `{n}` now.
    NewBronzeMany,
    /// Announcement part: the bronze count went down to `{n}`.
    BronzeCorrected,
}

impl Msg {
    /// Every message, for checks over whole tables (tests, tooling).
    pub const ALL: &'static [Msg] = &[
        Msg::TabCard,
        Msg::TabMedalists,
        Msg::TabTable,
        Msg::TabHistory,
        Msg::TabTimeline,
        Msg::ViewsLabel,
        Msg::Gold,
        Msg::Silver,
        Msg::Bronze,
        Msg::Total,
        Msg::GoldLetter,
        Msg::SilverLetter,
        Msg::BronzeLetter,
        Msg::RankOf,
        Msg::RankOfShared,
        Msg::RankBadgeTied,
        Msg::RankBadge,
        Msg::NotRanked,
        Msg::MedalCounts,
        Msg::RankedByGold,
        Msg::RankedByTotal,
        Msg::BreakdownTitle,
        Msg::AllSports,
        Msg::SportSummary,
        Msg::NGold,
        Msg::NSilver,
        Msg::NBronze,
        Msg::NTotal,
        Msg::FilterByMedal,
        Msg::AllMedals,
        Msg::NoMedalsOfKind,
        Msg::ShowingN,
        Msg::TableCaption,
        Msg::TableCaptionNoGames,
        Msg::SearchLabel,
        Msg::SearchHint,
        Msg::RankingLabel,
        Msg::RankingGold,
        Msg::RankingTotal,
        Msg::ShowCountry,
        Msg::ColRank,
        Msg::ColName,
        Msg::ColCode,
        Msg::Unranked,
        Msg::Featured,
        Msg::RowsShown,
        Msg::NoRows,
        Msg::HistoryTitle,
        Msg::HistoryCaption,
        Msg::ColGames,
        Msg::Notes,
        Msg::RankUnknown,
        Msg::Summer,
        Msg::Winter,
        Msg::GamesSummary,
        Msg::InvalidSection,
        Msg::InvalidExplain,
        Msg::ActionsLabel,
        Msg::DownloadTableCsv,
        Msg::DownloadMedalistsCsv,
        Msg::CopyEmbed,
        Msg::EmbedCopied,
        Msg::EmbedManual,
        Msg::EmbedNoSrc,
        Msg::TlTitle,
        Msg::TlEmpty,
        Msg::TlFilterLabel,
        Msg::TlFilterAll,
        Msg::TlMultiSport,
        Msg::TlOther,
        Msg::TlFilterOption,
        Msg::TlKindMulti,
        Msg::TlKindOther,
        Msg::TlMarkerMeta,
        Msg::TlAxis,
        Msg::TlAxisYear,
        Msg::TlAxisYears,
        Msg::TlNoneOfKind,
        Msg::TlListLabel,
        Msg::TlNations,
        Msg::TlAthletes,
        Msg::TlSports,
        Msg::TlMedalEvents,
        Msg::TlHostResult,
        Msg::TlSource,
        Msg::AsOf,
        Msg::Sources,
        Msg::EmbedLoading,
        Msg::EmbedRetry,
        Msg::EmbedStale,
        Msg::EmbedSnapshot,
        Msg::EmbedSource,
        Msg::EmbedMore,
        Msg::EmbedPartial,
        Msg::ErrTitleNetwork,
        Msg::ErrTitleTimeout,
        Msg::ErrTitleHttp,
        Msg::ErrTitleNotJson,
        Msg::ErrTitleInvalid,
        Msg::ErrTitleNoData,
        Msg::ErrBadUrl,
        Msg::ErrNoFetch,
        Msg::ErrTimeout,
        Msg::ErrNetwork,
        Msg::ErrNoResponse,
        Msg::ErrHttp,
        Msg::ErrNotJson,
        Msg::ErrNotJsonInline,
        Msg::HintHtml,
        Msg::HintEmpty,
        Msg::ErrInvalid,
        Msg::ErrInvalidHere,
        Msg::ErrNotPlain,
        Msg::ErrNoData,
        Msg::ErrUpdateInvalid,
        Msg::AnnounceChange,
        Msg::NewGold,
        Msg::NewGoldMany,
        Msg::GoldCorrected,
        Msg::NewSilver,
        Msg::NewSilverMany,
        Msg::SilverCorrected,
        Msg::NewBronze,
        Msg::NewBronzeMany,
        Msg::BronzeCorrected,
    ];
}

/// A language the widget is translated into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English (the fallback for everything).
    #[default]
    En,
    /// French.
    Fr,
    /// Azerbaijani, Latin script.
    Az,
    /// Russian.
    Ru,
}

impl Lang {
    /// Every supported language.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Az, Lang::Ru];

    /// The BCP-47 tag: `en`, `fr`, `az`, `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Az => "az",
            Lang::Ru => "ru",
        }
    }

    /// The supported language of a BCP-47 tag, by its primary subtag
    /// (case-insensitive; `fr-CA` → French); `None` when unsupported.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Lang::ALL
            .into_iter()
            .find(|l| primary.eq_ignore_ascii_case(l.code()))
    }
}

/// The widget's language: the element's `lang` attribute when set, else the
/// page's `<html lang>`, else English. A set but unsupported tag (e.g. `de`)
/// gives English, not the page's language; regional tags use their primary
/// subtag (`fr-CA` → French).
pub fn resolve_lang(attr: &str, html_lang: &str) -> Lang {
    let pick = if attr.trim().is_empty() {
        html_lang
    } else {
        attr
    };
    Lang::from_tag(pick).unwrap_or_default()
}

/// Azerbaijani ordinal suffix of `n` by vowel harmony with the last
/// non-zero spoken word (91 "doxsan bir" → `ci`, 30 "otuz" → `cu`).
pub fn az_ordinal_suffix(n: u32) -> &'static str {
    // Units: bir iki üç dörd beş altı yeddi səkkiz doqquz.
    const UNITS: [&str; 10] = ["cı", "ci", "ci", "cü", "cü", "ci", "cı", "ci", "ci", "cu"];
    // Tens: on iyirmi otuz qırx əlli altmış yetmiş səksən doxsan.
    const TENS: [&str; 10] = ["", "cu", "ci", "cu", "cı", "ci", "cı", "ci", "ci", "cı"];
    if n == 0 {
        "cı" // sıfır
    } else if n % 10 != 0 {
        UNITS[(n % 10) as usize]
    } else if n % 100 != 0 {
        TENS[((n / 10) % 10) as usize]
    } else if n % 1_000 != 0 {
        "cü" // yüz
    } else if n % 1_000_000 != 0 {
        "ci" // min
    } else if n % 1_000_000_000 != 0 {
        "cu" // milyon
    } else {
        "cı" // milyard
    }
}

/// The ordinal of `n` in `lang`, around `digits` (`n` as the language
/// writes numbers): English "30th", French "30e" / "1er", Azerbaijani
/// "30-cu", Russian "30-е" (neuter, agreeing with «место»).
pub fn ordinal_in(lang: Lang, n: u32, digits: &str) -> String {
    match lang {
        Lang::En => {
            let suffix = match (n % 10, n % 100) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("{digits}{suffix}")
        }
        Lang::Fr => format!("{digits}{}", if n == 1 { "er" } else { "e" }),
        Lang::Az => format!("{digits}-{}", az_ordinal_suffix(n)),
        Lang::Ru => format!("{digits}-е"),
    }
}

/// The English text of `msg`.
pub fn en(msg: Msg) -> &'static str {
    use Msg::*;
    match msg {
        TabCard => "Summary",
        TabMedalists => "Medalists",
        TabTable => "Medal table",
        TabHistory => "History",
        TabTimeline => "Hosted events",
        ViewsLabel => "{country}: medal views",
        Gold => "Gold",
        Silver => "Silver",
        Bronze => "Bronze",
        Total => "Total",
        GoldLetter => "G",
        SilverLetter => "S",
        BronzeLetter => "B",
        RankOf => "{rank} of {count}",
        RankOfShared => "{rank} of {count}, shared with {names}",
        RankBadgeTied => "Rank {rank}, tied",
        RankBadge => "Rank {rank}",
        NotRanked => "Not ranked in the medal table",
        MedalCounts => "Medals won",
        RankedByGold => "Ranked by golds first",
        RankedByTotal => "Ranked by total medals",
        BreakdownTitle => "Medals by type and sport",
        AllSports => "All sports",
        SportSummary => "{sport}: {counts}",
        NGold => "{n} gold",
        NSilver => "{n} silver",
        NBronze => "{n} bronze",
        NTotal => "{n} in total",
        FilterByMedal => "Show medals",
        AllMedals => "All",
        NoMedalsOfKind => "No medals of this colour.",
        ShowingN => "{n} shown",
        TableCaption => "Medal table, {games}",
        TableCaptionNoGames => "Medal table",
        SearchLabel => "Find a team",
        SearchHint => "Name or code",
        RankingLabel => "Rank by",
        RankingGold => "Golds first",
        RankingTotal => "Total medals",
        ShowCountry => "Show {country}",
        ColRank => "Rank",
        ColName => "Team",
        ColCode => "Code",
        Unranked => "unranked",
        Featured => "(featured)",
        RowsShown => "{n} of {total} teams shown",
        NoRows => "No team matches.",
        HistoryTitle => "{country} at each Games",
        HistoryCaption => "{country}: medals per Games",
        ColGames => "Games",
        Notes => "Notes",
        RankUnknown => "–",
        Summer => "Summer",
        Winter => "Winter",
        GamesSummary => "{games}: {counts}",
        InvalidSection => "This part of the data could not be shown",
        InvalidExplain => "The data for this view failed validation:",
        ActionsLabel => "Share and export",
        DownloadTableCsv => "Download CSV",
        DownloadMedalistsCsv => "Download CSV",
        CopyEmbed => "Copy embed code",
        EmbedCopied => "Embed code copied.",
        EmbedManual => "Copy this code:",
        EmbedNoSrc => "The data address is not known: add its src attribute to the code.",
        TlTitle => "Hosted events",
        TlEmpty => "No hosted events in the data.",
        TlFilterLabel => "Show",
        TlFilterAll => "All",
        TlMultiSport => "Multi-sport Games",
        TlOther => "Other events",
        TlFilterOption => "{filter} ({n})",
        TlKindMulti => "multi-sport Games",
        TlKindOther => "other event",
        TlMarkerMeta => "{city}, {year}",
        TlAxis => "Timeline of hosted events",
        TlAxisYear => "Timeline of hosted events, {year}",
        TlAxisYears => "Timeline of hosted events, {from}–{to}",
        TlNoneOfKind => "No events of this kind.",
        TlListLabel => "Events by date",
        TlNations => "Nations",
        TlAthletes => "Athletes",
        TlSports => "Sports",
        TlMedalEvents => "Medal events",
        TlHostResult => "Host result:",
        TlSource => "Source",
        AsOf => "Data as of {date}",
        Sources => "Sources ({n})",
        EmbedLoading => "Loading medal data…",
        EmbedRetry => "Retry",
        EmbedStale => "Could not update, last updated {time}.",
        EmbedSnapshot => "Showing the figures published with this page.",
        EmbedSource => "Source:",
        EmbedMore => "… and {n} more",
        EmbedPartial => "Errors in the data: {n}; the affected part is marked. First: {first}",
        ErrTitleNetwork => "Could not reach the medal data",
        ErrTitleTimeout => "The medal data took too long to arrive",
        ErrTitleHttp => "The server could not send the medal data",
        ErrTitleNotJson => "The medal data is not readable",
        ErrTitleInvalid => "The medal data has errors",
        ErrTitleNoData => "No medal data given",
        ErrBadUrl => "{url} is not a usable address ({detail}).",
        ErrNoFetch => "This browser cannot fetch data.",
        ErrTimeout => "{url} did not answer within {seconds} seconds.",
        ErrNetwork => "Loading {url} failed ({detail}): the network is down, or the server does not allow this page to read it (CORS).",
        ErrNoResponse => "Loading {url} gave no response.",
        ErrHttp => "The server answered {status} for {url}.",
        ErrNotJson => "The data from {url} cannot be read: {detail}.",
        ErrNotJsonInline => "The inline data cannot be read: {detail}.",
        HintHtml => "It looks like an HTML page, not JSON.",
        HintEmpty => "The data is empty.",
        ErrInvalid => "The data from {url} cannot be shown. Errors: {n}; first: {first}.",
        ErrInvalidHere => "The data cannot be shown. Errors: {n}; first: {first}.",
        ErrNotPlain => "The data property is not plain JSON data: {detail}.",
        ErrNoData => "Give the element a src attribute, a <script type=\"application/json\"> child or a data property.",
        ErrUpdateInvalid => "The update was not applied. Errors: {n}.",
        AnnounceChange => "{country}: {changes}",
        NewGold => "new gold medal, {n} gold now",
        NewGoldMany => "{added} new gold medals, {n} gold now",
        GoldCorrected => "gold count corrected to {n}",
        NewSilver => "new silver medal, {n} silver now",
        NewSilverMany => "{added} new silver medals, {n} silver now",
        SilverCorrected => "silver count corrected to {n}",
        NewBronze => "new bronze medal, {n} bronze now",
        NewBronzeMany => "{added} new bronze medals, {n} bronze now",
        BronzeCorrected => "bronze count corrected to {n}",
    }
}

/// The French text of `msg`, if translated.
fn fr(msg: Msg) -> Option<&'static str> {
    use Msg::*;
    Some(match msg {
        TabCard => "Résumé",
        TabMedalists => "Médaillés",
        TabTable => "Tableau des médailles",
        TabHistory => "Historique",
        TabTimeline => "Événements accueillis",
        ViewsLabel => "{country}\u{a0}: médailles",
        Gold => "Or",
        Silver => "Argent",
        Bronze => "Bronze",
        Total => "Total",
        GoldLetter => "O",
        SilverLetter => "A",
        BronzeLetter => "B",
        RankOf => "{rank} sur {count}",
        RankOfShared => "{rank} sur {count}, à égalité avec {names}",
        RankBadgeTied => "Rang {rank}, ex æquo",
        RankBadge => "Rang {rank}",
        NotRanked => "Non classé au tableau des médailles",
        MedalCounts => "Médailles remportées",
        RankedByGold => "Classement d'abord par les médailles d'or",
        RankedByTotal => "Classement par nombre total de médailles",
        BreakdownTitle => "Médailles par métal et par sport",
        AllSports => "Tous les sports",
        SportSummary => "{sport}\u{a0}: {counts}",
        NGold => "{n} en or",
        NSilver => "{n} en argent",
        NBronze => "{n} en bronze",
        NTotal => "{n} au total",
        FilterByMedal => "Afficher les médailles",
        AllMedals => "Toutes",
        NoMedalsOfKind => "Aucune médaille de ce métal.",
        ShowingN => "Affichées\u{a0}: {n}",
        TableCaption => "Tableau des médailles, {games}",
        TableCaptionNoGames => "Tableau des médailles",
        SearchLabel => "Trouver une équipe",
        SearchHint => "Nom ou code",
        RankingLabel => "Classer par",
        RankingGold => "L'or d'abord",
        RankingTotal => "Total des médailles",
        ShowCountry => "Afficher\u{a0}: {country}",
        ColRank => "Rang",
        ColName => "Équipe",
        ColCode => "Code",
        Unranked => "non classé",
        Featured => "(mise en avant)",
        // No plural to agree with the count ("1 équipe affichée").
        RowsShown => "Équipes affichées\u{a0}: {n} sur {total}",
        NoRows => "Aucune équipe ne correspond.",
        HistoryTitle => "{country} à chaque édition des Jeux",
        HistoryCaption => "{country}\u{a0}: médailles par édition des Jeux",
        ColGames => "Jeux",
        Notes => "Notes",
        Summer => "été",
        Winter => "hiver",
        GamesSummary => "{games}\u{a0}: {counts}",
        InvalidSection => "Cette partie des données n'a pas pu être affichée",
        InvalidExplain => "Les données de cette vue n'ont pas passé la validation\u{a0}:",
        ActionsLabel => "Partager et exporter",
        DownloadTableCsv => "Télécharger le CSV",
        DownloadMedalistsCsv => "Télécharger le CSV",
        CopyEmbed => "Copier le code d'intégration",
        EmbedCopied => "Code d'intégration copié.",
        EmbedManual => "Copiez ce code\u{a0}:",
        EmbedNoSrc => "L'adresse des données est inconnue\u{a0}: ajoutez son attribut src au code.",
        TlTitle => "Événements accueillis",
        TlEmpty => "Aucun événement accueilli dans les données.",
        TlFilterLabel => "Afficher",
        TlFilterAll => "Tous",
        TlMultiSport => "Jeux multisports",
        TlOther => "Autres événements",
        TlFilterOption => "{filter} ({n})",
        TlKindMulti => "jeux multisports",
        TlKindOther => "autre événement",
        TlMarkerMeta => "{city}, {year}",
        TlAxis => "Frise des événements accueillis",
        TlAxisYear => "Frise des événements accueillis, {year}",
        TlAxisYears => "Frise des événements accueillis, {from}–{to}",
        TlNoneOfKind => "Aucun événement de ce type.",
        TlListLabel => "Événements par date",
        TlNations => "Nations",
        TlAthletes => "Athlètes",
        TlSports => "Sports",
        TlMedalEvents => "Épreuves",
        TlHostResult => "Résultat du pays hôte\u{a0}:",
        TlSource => "Source",
        AsOf => "Données au {date}",
        Sources => "Sources ({n})",
        EmbedLoading => "Chargement des données des médailles…",
        EmbedRetry => "Réessayer",
        EmbedStale => "Mise à jour impossible, dernière mise à jour à {time}.",
        EmbedSnapshot => "Les chiffres affichés sont ceux publiés avec la page.",
        EmbedSource => "Source\u{a0}:",
        EmbedMore => "… et {n} de plus",
        EmbedPartial => "Erreurs dans les données\u{a0}: {n}\u{a0}; la partie concernée est signalée. Première\u{a0}: {first}",
        ErrTitleNetwork => "Impossible d'accéder aux données des médailles",
        ErrTitleTimeout => "Les données des médailles ont mis trop de temps à arriver",
        ErrTitleHttp => "Le serveur n'a pas pu envoyer les données des médailles",
        ErrTitleNotJson => "Les données des médailles sont illisibles",
        ErrTitleInvalid => "Les données des médailles contiennent des erreurs",
        ErrTitleNoData => "Aucune donnée de médailles fournie",
        ErrBadUrl => "{url} n'est pas une adresse utilisable ({detail}).",
        ErrNoFetch => "Ce navigateur ne peut pas télécharger de données.",
        ErrTimeout => "{url} n'a pas répondu en {seconds}\u{a0}secondes.",
        ErrNetwork => "Le chargement de {url} a échoué ({detail})\u{a0}: le réseau est coupé, ou le serveur n'autorise pas cette page à le lire (CORS).",
        ErrNoResponse => "Le chargement de {url} n'a donné aucune réponse.",
        ErrHttp => "Le serveur a répondu {status} pour {url}.",
        ErrNotJson => "Les données de {url} sont illisibles\u{a0}: {detail}.",
        ErrNotJsonInline => "Les données intégrées à la page sont illisibles\u{a0}: {detail}.",
        HintHtml => "On dirait une page HTML, pas du JSON.",
        HintEmpty => "Les données sont vides.",
        ErrInvalid => "Les données de {url} ne peuvent pas être affichées. Erreurs\u{a0}: {n}\u{a0}; première\u{a0}: {first}.",
        ErrInvalidHere => "Les données ne peuvent pas être affichées. Erreurs\u{a0}: {n}\u{a0}; première\u{a0}: {first}.",
        ErrNotPlain => "La propriété data ne contient pas de simples données JSON\u{a0}: {detail}.",
        ErrNoData => "Donnez à l'élément un attribut src, un enfant <script type=\"application/json\"> ou une propriété data.",
        ErrUpdateInvalid => "La mise à jour n'a pas été appliquée. Erreurs\u{a0}: {n}.",
        AnnounceChange => "{country}\u{a0}: {changes}",
        NewGold => "nouvelle médaille d'or, désormais {n} en or",
        NewGoldMany => "{added} nouvelles médailles d'or, désormais {n} en or",
        GoldCorrected => "nombre de médailles d'or corrigé\u{a0}: {n}",
        NewSilver => "nouvelle médaille d'argent, désormais {n} en argent",
        NewSilverMany => "{added} nouvelles médailles d'argent, désormais {n} en argent",
        SilverCorrected => "nombre de médailles d'argent corrigé\u{a0}: {n}",
        NewBronze => "nouvelle médaille de bronze, désormais {n} en bronze",
        NewBronzeMany => "{added} nouvelles médailles de bronze, désormais {n} en bronze",
        BronzeCorrected => "nombre de médailles de bronze corrigé\u{a0}: {n}",
        // Language-neutral: the English text serves.
        RankUnknown => return None,
    })
}

/// The Azerbaijani (Latin) text of `msg`, if translated.
fn az(msg: Msg) -> Option<&'static str> {
    use Msg::*;
    Some(match msg {
        TabCard => "Xülasə",
        TabMedalists => "Medalçılar",
        TabTable => "Medal cədvəli",
        TabHistory => "Tarixçə",
        TabTimeline => "Keçirilən yarışlar",
        ViewsLabel => "{country}: medallar",
        Gold => "Qızıl",
        Silver => "Gümüş",
        Bronze => "Bürünc",
        Total => "Cəmi",
        GoldLetter => "Q",
        SilverLetter => "G",
        BronzeLetter => "B",
        RankOf => "{count} komandadan {rank}",
        RankOfShared => "{count} komandadan {rank}; bu yeri bölüşənlər: {names}",
        RankBadgeTied => "{rank} yer, bölüşülür",
        RankBadge => "{rank} yer",
        NotRanked => "Medal cədvəlində yer tutmur",
        MedalCounts => "Qazanılan medallar",
        RankedByGold => "Əvvəlcə qızıl medallara görə sıralanıb",
        RankedByTotal => "Ümumi medal sayına görə sıralanıb",
        BreakdownTitle => "Növə və idman növünə görə medallar",
        AllSports => "Bütün idman növləri",
        SportSummary => "{sport}: {counts}",
        NGold => "{n} qızıl",
        NSilver => "{n} gümüş",
        NBronze => "{n} bürünc",
        NTotal => "cəmi {n}",
        FilterByMedal => "Medalları göstər",
        AllMedals => "Hamısı",
        NoMedalsOfKind => "Bu rəngdə medal yoxdur.",
        ShowingN => "Göstərilir: {n}",
        TableCaption => "Medal cədvəli, {games}",
        TableCaptionNoGames => "Medal cədvəli",
        SearchLabel => "Komanda axtar",
        SearchHint => "Ad və ya kod",
        RankingLabel => "Sıralama",
        RankingGold => "Əvvəlcə qızıl",
        RankingTotal => "Ümumi medal sayı",
        ShowCountry => "Göstər: {country}",
        ColRank => "Yer",
        ColName => "Komanda",
        ColCode => "Kod",
        Unranked => "yersiz",
        Featured => "(seçilmiş)",
        RowsShown => "{total} komandadan {n} göstərilir",
        NoRows => "Uyğun komanda yoxdur.",
        HistoryTitle => "{country} hər Oyunlarda",
        HistoryCaption => "{country}: Oyunlar üzrə medallar",
        ColGames => "Oyunlar",
        Notes => "Qeydlər",
        Summer => "yay",
        Winter => "qış",
        GamesSummary => "{games}: {counts}",
        InvalidSection => "Məlumatların bu hissəsini göstərmək mümkün olmadı",
        InvalidExplain => "Bu bölmənin məlumatları yoxlamadan keçmədi:",
        ActionsLabel => "Paylaş və ixrac et",
        DownloadTableCsv => "CSV yüklə",
        DownloadMedalistsCsv => "CSV yüklə",
        CopyEmbed => "Yerləşdirmə kodunu kopyala",
        EmbedCopied => "Yerləşdirmə kodu kopyalandı.",
        EmbedManual => "Bu kodu kopyalayın:",
        EmbedNoSrc => "Məlumatların ünvanı məlum deyil: koda src atributunu əlavə edin.",
        TlTitle => "Keçirilən yarışlar",
        TlEmpty => "Məlumatlarda keçirilən yarış yoxdur.",
        TlFilterLabel => "Göstər",
        TlFilterAll => "Hamısı",
        TlMultiSport => "Çoxnövlü idman oyunları",
        TlOther => "Digər yarışlar",
        TlFilterOption => "{filter} ({n})",
        TlKindMulti => "çoxnövlü idman oyunları",
        TlKindOther => "digər yarış",
        TlMarkerMeta => "{city}, {year}",
        TlAxis => "Keçirilən yarışların xronologiyası",
        TlAxisYear => "Keçirilən yarışların xronologiyası, {year}",
        TlAxisYears => "Keçirilən yarışların xronologiyası, {from}–{to}",
        TlNoneOfKind => "Bu növdə yarış yoxdur.",
        TlListLabel => "Tarixə görə yarışlar",
        TlNations => "Ölkələr",
        TlAthletes => "İdmançılar",
        TlSports => "İdman növləri",
        TlMedalEvents => "Medal dəstləri",
        TlHostResult => "Ev sahibinin nəticəsi:",
        TlSource => "Mənbə",
        AsOf => "Məlumatlar {date} tarixinə aiddir",
        Sources => "Mənbələr ({n})",
        EmbedLoading => "Medal məlumatları yüklənir…",
        EmbedRetry => "Yenidən cəhd et",
        EmbedStale => "Yeniləmək mümkün olmadı, son yeniləmə: {time}.",
        EmbedSnapshot => "Səhifə ilə birlikdə dərc olunmuş rəqəmlər göstərilir.",
        EmbedSource => "Mənbə:",
        EmbedMore => "… və daha {n}",
        EmbedPartial => "Məlumatlarda səhvlər: {n}; təsirlənən hissə qeyd olunub. Birincisi: {first}",
        ErrTitleNetwork => "Medal məlumatlarına çatmaq mümkün olmadı",
        ErrTitleTimeout => "Medal məlumatlarının gəlməsi çox uzun çəkdi",
        ErrTitleHttp => "Server medal məlumatlarını göndərə bilmədi",
        ErrTitleNotJson => "Medal məlumatları oxuna bilmir",
        ErrTitleInvalid => "Medal məlumatlarında səhvlər var",
        ErrTitleNoData => "Medal məlumatları verilməyib",
        ErrBadUrl => "{url} yararlı ünvan deyil ({detail}).",
        ErrNoFetch => "Bu brauzer məlumatları yükləyə bilmir.",
        ErrTimeout => "{url} {seconds} saniyə ərzində cavab vermədi.",
        ErrNetwork => "{url} yüklənmədi ({detail}): şəbəkə işləmir və ya server bu səhifəyə onu oxumağa icazə vermir (CORS).",
        ErrNoResponse => "{url} yüklənərkən cavab alınmadı.",
        ErrHttp => "Server {url} üçün {status} cavabını verdi.",
        ErrNotJson => "{url} ünvanından gələn məlumatlar oxuna bilmir: {detail}.",
        ErrNotJsonInline => "Səhifəyə daxil edilmiş məlumatlar oxuna bilmir: {detail}.",
        HintHtml => "Bu, JSON deyil, HTML səhifəsinə bənzəyir.",
        HintEmpty => "Məlumatlar boşdur.",
        ErrInvalid => "{url} ünvanından gələn məlumatları göstərmək mümkün deyil. Səhvlər: {n}; birincisi: {first}.",
        ErrInvalidHere => "Məlumatları göstərmək mümkün deyil. Səhvlər: {n}; birincisi: {first}.",
        ErrNotPlain => "data xassəsi sadə JSON məlumatı deyil: {detail}.",
        ErrNoData => "Elementə src atributu, <script type=\"application/json\"> alt elementi və ya data xassəsi verin.",
        ErrUpdateInvalid => "Yeniləmə tətbiq olunmadı. Səhvlər: {n}.",
        AnnounceChange => "{country}: {changes}",
        NewGold => "yeni qızıl medal, indi {n} qızıl",
        NewGoldMany => "{added} yeni qızıl medal, indi {n} qızıl",
        GoldCorrected => "qızıl medalların sayı düzəldildi: {n}",
        NewSilver => "yeni gümüş medal, indi {n} gümüş",
        NewSilverMany => "{added} yeni gümüş medal, indi {n} gümüş",
        SilverCorrected => "gümüş medalların sayı düzəldildi: {n}",
        NewBronze => "yeni bürünc medal, indi {n} bürünc",
        NewBronzeMany => "{added} yeni bürünc medal, indi {n} bürünc",
        BronzeCorrected => "bürünc medalların sayı düzəldildi: {n}",
        RankUnknown => return None,
    })
}

/// The Russian text of `msg`, if translated.
fn ru(msg: Msg) -> Option<&'static str> {
    use Msg::*;
    Some(match msg {
        TabCard => "Сводка",
        TabMedalists => "Призёры",
        TabTable => "Медальный зачёт",
        TabHistory => "История",
        TabTimeline => "Проведённые соревнования",
        ViewsLabel => "{country}: медали",
        Gold => "Золото",
        Silver => "Серебро",
        Bronze => "Бронза",
        Total => "Всего",
        GoldLetter => "З",
        SilverLetter => "С",
        BronzeLetter => "Б",
        RankOf => "{rank} место из {count}",
        RankOfShared => "{rank} место из {count}; то же место: {names}",
        RankBadgeTied => "Место {rank}, разделённое",
        RankBadge => "Место {rank}",
        NotRanked => "Вне медального зачёта",
        MedalCounts => "Завоёванные медали",
        RankedByGold => "Сначала по золотым медалям",
        RankedByTotal => "По общему числу медалей",
        BreakdownTitle => "Медали по достоинству и видам спорта",
        AllSports => "Все виды спорта",
        SportSummary => "{sport}: {counts}",
        NGold => "золото: {n}",
        NSilver => "серебро: {n}",
        NBronze => "бронза: {n}",
        NTotal => "всего: {n}",
        FilterByMedal => "Показать медали",
        AllMedals => "Все",
        NoMedalsOfKind => "Медалей этого достоинства нет.",
        ShowingN => "Показано: {n}",
        TableCaption => "Медальный зачёт, {games}",
        TableCaptionNoGames => "Медальный зачёт",
        SearchLabel => "Найти команду",
        SearchHint => "Название или код",
        RankingLabel => "Порядок",
        RankingGold => "Сначала золото",
        RankingTotal => "Всего медалей",
        ShowCountry => "Показать: {country}",
        ColRank => "Место",
        ColName => "Команда",
        ColCode => "Код",
        Unranked => "вне зачёта",
        Featured => "(выделено)",
        RowsShown => "Показано команд: {n} из {total}",
        NoRows => "Подходящих команд нет.",
        HistoryTitle => "{country} на каждых Играх",
        HistoryCaption => "{country}: медали по Играм",
        ColGames => "Игры",
        Notes => "Примечания",
        Summer => "лето",
        Winter => "зима",
        GamesSummary => "{games}: {counts}",
        InvalidSection => "Эту часть данных не удалось показать",
        InvalidExplain => "Данные этого раздела не прошли проверку:",
        ActionsLabel => "Поделиться и экспортировать",
        DownloadTableCsv => "Скачать CSV",
        DownloadMedalistsCsv => "Скачать CSV",
        CopyEmbed => "Скопировать код для вставки",
        EmbedCopied => "Код для вставки скопирован.",
        EmbedManual => "Скопируйте этот код:",
        EmbedNoSrc => "Адрес данных неизвестен: добавьте в код атрибут src.",
        TlTitle => "Проведённые соревнования",
        TlEmpty => "В данных нет проведённых соревнований.",
        TlFilterLabel => "Показать",
        TlFilterAll => "Все",
        TlMultiSport => "Комплексные игры",
        TlOther => "Другие соревнования",
        TlFilterOption => "{filter} ({n})",
        TlKindMulti => "комплексные игры",
        TlKindOther => "другое соревнование",
        TlMarkerMeta => "{city}, {year}",
        TlAxis => "Хронология проведённых соревнований",
        TlAxisYear => "Хронология проведённых соревнований, {year}",
        TlAxisYears => "Хронология проведённых соревнований, {from}–{to}",
        TlNoneOfKind => "Соревнований этого типа нет.",
        TlListLabel => "Соревнования по датам",
        TlNations => "Страны",
        TlAthletes => "Спортсмены",
        TlSports => "Виды спорта",
        TlMedalEvents => "Комплекты медалей",
        TlHostResult => "Результат страны-хозяйки:",
        TlSource => "Источник",
        AsOf => "Данные на {date}",
        Sources => "Источники ({n})",
        EmbedLoading => "Загрузка данных о медалях…",
        EmbedRetry => "Повторить",
        EmbedStale => "Не удалось обновить, последнее обновление в {time}.",
        EmbedSnapshot => "Показаны данные, опубликованные вместе со страницей.",
        EmbedSource => "Источник:",
        EmbedMore => "… и ещё {n}",
        EmbedPartial => "Ошибок в данных: {n}; затронутая часть отмечена. Первая: {first}",
        ErrTitleNetwork => "Не удалось получить данные о медалях",
        ErrTitleTimeout => "Данные о медалях загружались слишком долго",
        ErrTitleHttp => "Сервер не смог отправить данные о медалях",
        ErrTitleNotJson => "Данные о медалях не удаётся прочитать",
        ErrTitleInvalid => "В данных о медалях есть ошибки",
        ErrTitleNoData => "Данные о медалях не указаны",
        ErrBadUrl => "{url} — непригодный адрес ({detail}).",
        ErrNoFetch => "Этот браузер не может загружать данные.",
        ErrTimeout => "{url} не ответил за {seconds}\u{a0}с.",
        ErrNetwork => "Не удалось загрузить {url} ({detail}): нет сети, или сервер не разрешает этой странице читать эти данные (CORS).",
        ErrNoResponse => "Загрузка {url} не дала ответа.",
        ErrHttp => "Сервер ответил {status} на запрос {url}.",
        ErrNotJson => "Данные из {url} не удаётся прочитать: {detail}.",
        ErrNotJsonInline => "Встроенные в страницу данные не удаётся прочитать: {detail}.",
        HintHtml => "Похоже на HTML-страницу, а не на JSON.",
        HintEmpty => "Данные пусты.",
        ErrInvalid => "Данные из {url} невозможно показать. Ошибок: {n}; первая: {first}.",
        ErrInvalidHere => "Данные невозможно показать. Ошибок: {n}; первая: {first}.",
        ErrNotPlain => "Свойство data не содержит простых данных JSON: {detail}.",
        ErrNoData => "Добавьте элементу атрибут src, дочерний элемент <script type=\"application/json\"> или свойство data.",
        ErrUpdateInvalid => "Обновление не применено. Ошибок: {n}.",
        AnnounceChange => "{country}: {changes}",
        NewGold => "новая золотая медаль, теперь золотых: {n}",
        NewGoldMany => "новых золотых медалей: {added}, теперь золотых: {n}",
        GoldCorrected => "число золотых медалей исправлено: {n}",
        NewSilver => "новая серебряная медаль, теперь серебряных: {n}",
        NewSilverMany => "новых серебряных медалей: {added}, теперь серебряных: {n}",
        SilverCorrected => "число серебряных медалей исправлено: {n}",
        NewBronze => "новая бронзовая медаль, теперь бронзовых: {n}",
        NewBronzeMany => "новых бронзовых медалей: {added}, теперь бронзовых: {n}",
        BronzeCorrected => "число бронзовых медалей исправлено: {n}",
        RankUnknown => return None,
    })
}

/// `msg` in `lang`'s own table, or `None` when that table lacks it
/// (English has every message).
pub fn lookup(lang: Lang, msg: Msg) -> Option<&'static str> {
    match lang {
        Lang::En => Some(en(msg)),
        Lang::Fr => fr(msg),
        Lang::Az => az(msg),
        Lang::Ru => ru(msg),
    }
}

/// The text of `msg` for the language tag `lang`: its table's entry, else
/// English (also for an unsupported tag) — never the key.
pub fn tr(lang: &str, msg: Msg) -> &'static str {
    tr_in(Lang::from_tag(lang).unwrap_or_default(), msg)
}

/// [`tr`] for a resolved [`Lang`].
pub fn tr_in(lang: Lang, msg: Msg) -> &'static str {
    lookup(lang, msg).unwrap_or_else(|| en(msg))
}

/// `template` with each `{key}` replaced by its value. Values are inserted
/// once, left to right, so a value containing `{…}` is never re-expanded.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
            Some(close) => {
                let key = &after[..close];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// [`tr`] then [`fill`].
pub fn trf(lang: &str, msg: Msg, args: &[(&str, &str)]) -> String {
    fill(tr(lang, msg), args)
}
