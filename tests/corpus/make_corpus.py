#!/usr/bin/env python3
"""Writes the corpus's JSON inputs (not the .expected files: those are written
and reviewed by hand, so the test compares against a human's judgement).

Each case starts from BASE, a small valid document, and breaks one thing.
Run from the repository root: python3 tests/corpus/make_corpus.py
"""
import copy, json, os

HERE = os.path.dirname(os.path.abspath(__file__))

BASE = {
    "version": 1,
    "country": {"code": "AZE", "name": "Azerbaijan", "names": {"fr": "Azerbaïdjan"}},
    "games": {"name": "Paris 2024", "year": 2024, "season": "summer", "city": "Paris"},
    "medals": [
        {"medal": "gold", "athletes": ["Hidayat Heydarov"], "sport": "Judo",
         "event": "Men -73 kg", "date": "2024-07-29"},
        {"medal": "bronze", "athletes": ["Hasrat Jafarov"], "sport": "Wrestling",
         "event": "Men's Greco-Roman 67 kg", "date": "2024-08-08"},
    ],
    "table": [
        {"code": "USA", "name": "United States", "gold": 3, "silver": 0, "bronze": 0, "total": 3, "rank": 1},
        {"code": "AZE", "name": "Azerbaijan", "gold": 1, "silver": 0, "bronze": 1, "total": 2, "rank": 2},
        {"code": "CRO", "name": "Croatia", "gold": 1, "silver": 0, "bronze": 1, "rank": 2},
        {"code": "SVK", "name": "Slovakia", "gold": 0, "silver": 0, "bronze": 1, "rank": 4},
        {"code": "AIN", "name": "Individual Neutral Athletes", "gold": 1, "silver": 3, "bronze": 1, "ranked": False},
    ],
    "history": [
        {"year": 2020, "season": "summer", "city": "Tokyo", "gold": 0, "silver": 3, "bronze": 4, "total": 7, "rank": 67},
        {"year": 2024, "season": "summer", "city": "Paris", "gold": 2, "silver": 2, "bronze": 3, "rank": 30},
        {"year": 2012, "season": "summer", "city": "London", "gold": 2, "silver": 2, "bronze": 5, "rank": None,
         "rank_note": "current rank unverified"},
    ],
    "hosted": [
        {"id": "baku-2015", "name": "2015 European Games", "year": 2015, "city": "Baku",
         "start": "2015-06-12", "end": "2015-06-28", "nations": 50, "events": 253,
         "url": "https://en.wikipedia.org/wiki/2015_European_Games"},
        {"id": "baku-2019-final", "name": "2019 UEFA Europa League Final", "year": 2019, "city": "Baku",
         "start": "2019-05-29", "end": "2019-05-29", "category": "other"},
    ],
    "sources": [{"label": "Official results", "url": "https://olympics.com/"}],
    "as_of": "2024-08-19",
}


def doc(**changes):
    """BASE with a function applied: doc(f=lambda d: ...)."""
    d = copy.deepcopy(BASE)
    changes["f"](d)
    return d


def put(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        if isinstance(obj, str):
            f.write(obj)
        else:
            json.dump(obj, f, ensure_ascii=False, indent=1)
            f.write("\n")


def s(d, *path_value):
    """Set d[path...] = value."""
    *path, value = path_value
    for k in path[:-1]:
        d = d[k]
    d[path[-1]] = value


def rm(d, *path):
    for k in path[:-1]:
        d = d[k]
    del d[path[-1]]


INVALID = {
    # Malformed JSON: one error at $, the parser's line and column.
    "json-trailing-comma": '{"version": 1,}\n',
    "json-truncated": '{"version": 1, "country": {"code": "AZE"',
    "json-empty": "",
    "json-single-quotes": "{'version': 1}\n",
    "json-deep-nesting": '{"version": 1, "x": ' + "[" * 40 + "]" * 40 + "}\n",
    "json-not-an-object": "[1, 2, 3]\n",
    "json-bare-string": '"hello"\n',
    "json-null": "null\n",
    # Version and country: fatal.
    "version-unsupported": doc(f=lambda d: s(d, "version", 2)),
    "version-string": doc(f=lambda d: s(d, "version", "1")),
    "version-missing": doc(f=lambda d: rm(d, "version")),
    "country-missing": doc(f=lambda d: rm(d, "country")),
    "country-not-object": doc(f=lambda d: s(d, "country", "AZE")),
    "country-code-lowercase": doc(f=lambda d: s(d, "country", "code", "aze")),
    "country-code-number": doc(f=lambda d: s(d, "country", "code", 31)),
    "country-name-blank": doc(f=lambda d: s(d, "country", "name", "   ")),
    "country-names-bad": doc(f=lambda d: s(d, "country", "names", {"FR": "Azerbaïdjan", "ru": "", "pt BR": "x", "de": 5})),
    # Games.
    "games-wrong-types": doc(f=lambda d: s(d, "games", {"name": "Paris 2024", "year": "2024", "season": "Summer", "city": ["Paris"]})),
    "games-missing-fields": doc(f=lambda d: s(d, "games", {"name": "Paris 2024"})),
    # Medals.
    "medals-not-array": doc(f=lambda d: s(d, "medals", {"gold": 1})),
    "medals-bad-kind": doc(f=lambda d: s(d, "medals", 0, "medal", "Gold")),
    "medals-athletes-empty": doc(f=lambda d: s(d, "medals", 0, "athletes", [])),
    "medals-athletes-bad-items": doc(f=lambda d: s(d, "medals", 0, "athletes", ["", 7, "Hidayat Heydarov"])),
    "medals-athletes-string": doc(f=lambda d: s(d, "medals", 0, "athletes", "Hidayat Heydarov")),
    "medals-athletes-too-many": doc(f=lambda d: s(d, "medals", 0, "athletes", ["Athlete %d" % i for i in range(101)])),
    "medals-bad-date": doc(f=lambda d: s(d, "medals", 1, "date", "2023-02-29")),
    "medals-date-format": doc(f=lambda d: s(d, "medals", 1, "date", "08/08/2024")),
    "medals-vs-table": doc(f=lambda d: d["medals"].append(
        {"medal": "silver", "athletes": ["Gashim Magomedov"], "sport": "Taekwondo", "event": "Men -58 kg", "date": "2024-08-07"})),
    "medals-missing-fields": doc(f=lambda d: s(d, "medals", 0, {"medal": "gold"})),
    # Table.
    "table-negative-count": doc(f=lambda d: s(d, "table", 3, "bronze", -3)),
    "table-fraction-and-huge": doc(f=lambda d: (s(d, "table", 0, "gold", 2.5), s(d, "table", 3, "bronze", 10001))),
    "table-count-string": doc(f=lambda d: s(d, "table", 1, "silver", "0")),
    "table-total-mismatch": doc(f=lambda d: s(d, "table", 1, "total", 3)),
    "table-rank-mismatch": doc(f=lambda d: (s(d, "table", 2, "rank", 3), s(d, "table", 3, "rank", 3))),
    "table-duplicate-code": doc(f=lambda d: s(d, "table", 3, "code", "USA")),
    "table-country-missing": doc(f=lambda d: s(d, "table", 1, "code", "AZZ")),
    "table-bad-codes": doc(f=lambda d: (s(d, "table", 0, "code", "US"), s(d, "table", 2, "code", "Cro"), rm(d, "table", 3, "code"))),
    "table-unranked-with-rank": doc(f=lambda d: s(d, "table", 4, "rank", 5)),
    "table-ranked-not-bool": doc(f=lambda d: s(d, "table", 4, "ranked", "no")),
    "table-rank-zero": doc(f=lambda d: s(d, "table", 0, "rank", 0)),
    "table-row-not-object": doc(f=lambda d: s(d, "table", 3, ["SVK", 0, 0, 1])),
    "table-not-array": doc(f=lambda d: s(d, "table", {"AZE": [1, 0, 1]})),
    # History.
    "history-year-1895": doc(f=lambda d: s(d, "history", 0, "year", 1895)),
    "history-duplicate-games": doc(f=lambda d: s(d, "history", 2, "year", 2020)),
    "history-bad-rank-and-season": doc(f=lambda d: (s(d, "history", 0, "rank", "67th"), s(d, "history", 1, "season", "autumn"))),
    "history-total-mismatch": doc(f=lambda d: s(d, "history", 0, "total", 8)),
    "history-too-many": doc(f=lambda d: s(d, "history", [
        {"year": 1896, "season": "summer", "city": "Athens", "gold": 0, "silver": 0, "bronze": 0} for _ in range(201)])),
    # Hosted.
    "hosted-start-after-end": doc(f=lambda d: s(d, "hosted", 0, "end", "2015-06-01")),
    "hosted-year-mismatch": doc(f=lambda d: s(d, "hosted", 1, "year", 2020)),
    "hosted-duplicate-id": doc(f=lambda d: s(d, "hosted", 1, "id", "baku-2015")),
    "hosted-javascript-url": doc(f=lambda d: s(d, "hosted", 0, "url", "javascript:alert(1)")),
    "hosted-bad-urls": doc(f=lambda d: d["hosted"].extend([
        dict(d["hosted"][1], id="u1", url="data:text/html,<b>x</b>"),
        dict(d["hosted"][1], id="u2", url="/wiki/Baku"),
        dict(d["hosted"][1], id="u3", url="https://example.com/a b"),
        dict(d["hosted"][1], id="u4", url="https://"),
        dict(d["hosted"][1], id="u5", url="ftp://example.com/"),
        dict(d["hosted"][1], id="u6", url="https://" + "a" * 1993),
    ])),
    "hosted-bad-id-and-category": doc(f=lambda d: (s(d, "hosted", 0, "id", "baku 2015"), s(d, "hosted", 1, "category", "multisport"))),
    "hosted-bad-figures": doc(f=lambda d: (s(d, "hosted", 0, "nations", -1), s(d, "hosted", 0, "events", 1.5), s(d, "hosted", 0, "athletes", "about 2,700"))),
    "hosted-dates-out-of-range": doc(f=lambda d: (s(d, "hosted", 1, "start", "2101-01-01"), s(d, "hosted", 1, "end", "1895-12-31"))),
    "hosted-missing-fields": doc(f=lambda d: s(d, "hosted", [{"id": "x"}])),
    # Strings.
    "string-control-chars": doc(f=lambda d: (s(d, "games", "city", "Pa\u0007ris"), s(d, "hosted", 0, "summary", "line one\nline two"))),
    "string-too-long": doc(f=lambda d: (s(d, "table", 0, "name", "N" * 201), s(d, "hosted", 0, "summary", "S" * 2001))),
    # Sources and as_of.
    "sources-invalid-entries": doc(f=lambda d: s(d, "sources", [
        {"label": "Good", "url": "https://example.com/"}, {"url": "https://example.com/"},
        {"label": "Script", "url": "javascript:void(0)"}, "just a string"])),
    "as-of-bad": doc(f=lambda d: s(d, "as_of", "19 August 2024")),
    # Structure.
    "duplicate-keys": '{"version": 1, "country": {"code": "AZE", "name": "Azerbaijan", "code": "CRO"}, "as_of": "2024-08-19", "as_of": "2024-08-20"}\n',
    "sections-wrong-types": doc(f=lambda d: (s(d, "games", []), s(d, "history", "1996-2024"), s(d, "hosted", 3), s(d, "sources", {}))),
    "many-problems-at-once": doc(f=lambda d: (s(d, "table", 0, "gold", -1), s(d, "history", 0, "year", 3000),
                                               s(d, "hosted", 0, "url", "javascript:x"), s(d, "medals", 0, "date", "2024-13-01"),
                                               s(d, "games", "season", "spring"), s(d, "foo", 1))),
}

VALID = {
    # Raw HTML in text is data, not markup: the widget only ever inserts text.
    "html-in-strings": doc(f=lambda d: (s(d, "table", 0, "name", "<script>alert(1)</script>"),
                                        s(d, "hosted", 0, "summary", "<img src=x onerror=alert(1)> & <b>bold</b>"),
                                        s(d, "medals", 0, "athletes", ["<i>Hidayat</i> Heydarov", "Team \"A\""]))),
    "unknown-fields": doc(f=lambda d: (s(d, "notes", "hand-made"), s(d, "table", 0, "flag", "🇺🇸"),
                                       s(d, "hosted", 1, "venue", "Olympic Stadium"), s(d, "country", "flag", "az"))),
    "only-version-and-country": {"version": 1, "country": {"code": "AZE", "name": "Azerbaijan"}},
    "nulls-for-optional": doc(f=lambda d: (s(d, "games", None), s(d, "hosted", 0, "url", None), s(d, "as_of", None),
                                           s(d, "table", 0, "rank", None), s(d, "country", "names", None))),
    "timestamps-and-unicode": doc(f=lambda d: (s(d, "as_of", "2024-08-19T18:30:00+02:00"),
                                               s(d, "country", "names", {"az": "Azərbaycan", "ru": "Азербайджан", "zh-Hant": "亞塞拜然"}),
                                               s(d, "medals", 0, "athletes", ["Zəlim Kotsoyev"]))),
    "empty-sections": doc(f=lambda d: (s(d, "medals", []), rm(d, "table"), s(d, "history", []), s(d, "hosted", []), s(d, "sources", []))),
    "schema-link": doc(f=lambda d: s(d, "$schema", "https://example.com/schema/medal-summary.v1.schema.json")),
}

if __name__ == "__main__":
    for kind, cases in (("invalid", INVALID), ("valid", VALID)):
        os.makedirs(os.path.join(HERE, kind), exist_ok=True)
        for name, obj in cases.items():
            put(os.path.join(HERE, kind, name + ".json"), obj)
    print(len(INVALID), "invalid,", len(VALID), "valid")
