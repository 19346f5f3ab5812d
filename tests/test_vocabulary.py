"""The vocabulary read from the data, the words charts use for what the articles print, and the
one table of phrases (lib/pingan/package/phrases.csv) every chart and table speaks through."""
import ast
import re
from pathlib import Path

import polars as pl
import pytest

import pingan
from pingan.analysis._frames import printed_label, statistics_frame
from pingan.charts._statistics_charts import _span
from pingan.package._vocabulary import (CITY_PALETTE, FAMILY_LABELS, STATUSES, PhraseError, cities_from,
                                        family_in_sentence, family_label, join_words, parse_phrases, phrases,
                                        prefecture_of, short_place_name, slug_label, slug_labels, text)

PLACES = [dict(row, province_code="990000") for row in [  # every place of one test province
    {"place_code": "990000", "level": "province", "parent_code": "", "name_en": "Test Province", "name_zh": "测试省"},
    {"place_code": "990100", "level": "prefecture", "parent_code": "990000", "name_en": "Alpha City", "name_zh": "甲城市"},
    {"place_code": "990200", "level": "prefecture", "parent_code": "990000", "name_en": "Beta", "name_zh": "乙城市"},
    {"place_code": "990300", "level": "prefecture", "parent_code": "990000", "name_en": "Gamma", "name_zh": "丙城市"},
    # a county whose digits point at another city: parent_code decides, not the digits
    {"place_code": "990301", "level": "county", "parent_code": "990200", "name_en": "Delta District", "name_zh": "丁城区"},
    {"place_code": "990301-x", "level": "village", "parent_code": "990301", "name_en": "X Village", "name_zh": "某村"},
]]


def _article(aid, published, place):
    return {"article_id": aid, "published": published, "place_code": place}


def test_cities_are_coloured_in_order_of_their_first_article():
    c = cities_from(PLACES, [_article("b", "2021", "990301-x"), _article("a", "2020", "990300"),
                             _article("c", "2019", "990300")])
    assert list(c.colors) == ["990300", "990200"]  # Gamma first (2019), then Beta, through its village
    assert list(c.colors.values()) == list(CITY_PALETTE[:2])
    assert "990100" not in c.colors  # no article, no colour
    assert c.of["990301-x"] == "990200" and c.of["990200"] == "990200" and "990000" not in c.of
    assert c.names["en"] == {"990300": "Gamma", "990200": "Beta"} and c.names["zh"]["990200"] == "乙城"
    assert c.provinces == ("990000",)  # the province the articles are about: what a map of the province draws


def test_place_names_lose_the_word_for_their_level_and_nothing_else():
    en = ("Alpha City", "Lin'an District", "Jiashan County", "Zhejiang Province", "Hengdian Town",
          "Xinshi Subdistrict", "Houchen Village", "Shanghai", "Cityside District", "County")
    assert [short_place_name(n, "en") for n in en] == [
        "Alpha", "Lin'an", "Jiashan", "Zhejiang", "Hengdian Town", "Xinshi Subdistrict", "Houchen Village",
        "Shanghai", "Cityside", "County"]
    zh = ("杭州市", "婺城区", "嘉善县", "浙江省", "横店镇", "新狮街道", "后陈村", "县", "沙县", "上海市", "城区",
          "青春路社区", "金华开发区", "浦东新区", "广西壮族自治区")
    assert [short_place_name(n, "zh") for n in zh] == [
        "杭州", "婺城", "嘉善", "浙江", "横店镇", "新狮街道", "后陈村", "县", "沙县", "上海", "城区",
        "青春路社区", "金华开发区", "浦东新区", "广西壮族自治区"]
    places = {r["place_code"]: r for r in PLACES}
    assert prefecture_of("990000", places) is None and prefecture_of("nowhere", places) is None


def test_the_package_vocabulary_matches_its_tables():
    from pingan.analysis._frames import cities
    tables = pingan.load_all()
    c = cities(tables)
    assert dict(pingan.labels.CITY_COLORS) == c.colors and dict(pingan.labels.CITY_NAMES) == c.names
    covered = {c.of[p] for p in tables["articles"]["place_code"] if p in c.of}
    assert set(c.colors) == covered and len(set(c.colors.values())) == len(c.colors)


@pytest.mark.parametrize("qualifier, as_written, value, expected", [
    ("at_least", "20余万", 200_000, "20余万 (more than 200,000)"),
    ("at_least", "90%以上", 90, "90%以上 (more than 90%)"),
    ("approx", "近万", 10_000, "近万 (about 10,000)"),
    ("exact", "3.2万", 32_000, "3.2万 (32,000)"),
])
def test_qualifiers_are_words_in_english_and_as_printed_in_chinese(qualifier, as_written, value, expected):
    unit = "percent" if "%" in as_written else "count"
    assert printed_label(as_written, value, unit, qualifier, "level", "en") == expected
    assert printed_label(as_written, value, unit, qualifier, "level", "zh") == as_written


def test_no_chart_label_uses_a_sign_for_a_qualifier():
    df = statistics_frame(pingan.load_all(), "en")
    qualified = df.filter(pl.col("qualifier") != "exact")
    assert qualified.height > 0
    assert not df["shown"].str.contains("[≈≥≤]").any()
    assert qualified.filter(pl.col("qualifier") == "at_least")["shown"].str.contains("more than").all()
    assert qualified.filter(pl.col("qualifier") == "approx")["shown"].str.contains("about").all()


@pytest.mark.parametrize("periods, en, zh", [
    (["2019"], "2019", "2019年"),
    (["2019", "2018-2019"], "periods 2018–2019 and 2019", "时期为2018–2019年、2019年"),
    (["2004-2023", "2023", "2019-2023"], "periods 2004–2023, 2019–2023 and 2023", None),
    (["2004-2023", "2023", "2019-2023", "2024"], "periods as printed", "时期以原文为准"),
])
def test_a_subtitle_names_the_periods_it_draws(periods, en, zh):
    df = pl.DataFrame({"period": periods})
    assert _span(df, "en") == en
    if zh:
        assert _span(df, "zh") == zh


def test_a_period_the_article_does_not_print_says_so_in_labels_and_subtitles():
    t = pingan.load_all()
    from pingan.analysis._frames import statistics_frame
    df = statistics_frame(t, "en", "jinhua-2017")
    inferred = df.filter(pl.col("period_basis") == "inferred")
    assert inferred.height and inferred["period_label"].str.ends_with(" (inferred)").all()
    assert not df.filter(pl.col("period_basis") == "stated")["period_label"].str.contains("inferred").any()
    zh = statistics_frame(t, "zh", "jinhua-2017").filter(pl.col("period_basis") == "inferred")
    assert zh["period_label"].str.ends_with("(推断)").all()
    assert _span(inferred.head(1), "en") == inferred["period_label"][0]


def test_a_district_centre_is_not_called_a_county_centre():
    """An indicator read from a quote about a district's centre (区中心) says so."""
    tables = pingan.load_all()
    stats = tables["statistics"].filter(pl.col("quote").str.contains("区中心"))
    names = dict(tables["indicators"].select("indicator", "name_en").iter_rows())
    assert stats.height > 0
    for ind in stats["indicator"]:
        assert "district" in names[ind].lower() and "county" not in names[ind].lower(), ind


# --- the phrase table: every word charts and tables show, in English and Chinese, in one place ---

LIB = Path(pingan.__file__).resolve().parent
PHRASE_CALLS = {"say", "text", "phrase", "phrase_expr"}  # accessors whose first argument is a phrase id
SLUG_CALLS = {"slug_label", "slug_labels"}  # accessors whose first argument is a kind of data value


def _sources():
    return sorted(p for p in LIB.rglob("*.py") if "__pycache__" not in p.parts)


def _phrase_ids_in_code():
    """Phrase ids the library names (string constants) and the patterns of ids it builds
    (f-strings such as f"unit.{unit}", and every value of a kind passed to slug_label)."""
    constants, patterns, called = set(), set(), []
    for path in _sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                constants.add(node.value)
            elif (isinstance(node, ast.JoinedStr) and isinstance(node.values[0], ast.Constant)
                  and re.fullmatch(r"[a-z_]+(\.[a-z_]+)*\.", node.values[0].value)):
                parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "[^.]+" for v in node.values]
                patterns.add("".join(parts))  # an id built from a namespace: f"unit.{unit}"
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                first = node.args[0]
                options = [first.body, first.orelse] if isinstance(first, ast.IfExp) else [first]
                for o in options:
                    if isinstance(o, ast.Constant) and isinstance(o.value, str):
                        if name in PHRASE_CALLS:
                            called.append((path.relative_to(LIB), node.lineno, o.value))
                        elif name in SLUG_CALLS:
                            patterns.add(re.escape(o.value) + r"\.[^.]+")
    return constants, patterns, called


def test_every_phrase_has_english_and_chinese():
    table = phrases()
    assert len(table) > 100
    raw = (LIB / "package" / "phrases.csv").read_text(encoding="utf-8")
    assert parse_phrases(raw) == table
    for key, (en, zh) in table.items():
        assert en.strip() and zh.strip(), key
        # a Chinese phrase speaks Chinese: no English word in it, apart from the names of what it cites
        words = set(re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", "", zh))) - {"echarts", "Apache"}
        assert not words, f"{key}: English in the Chinese phrase {zh!r}: {words}"
        # readers never see a storage file name
        assert not re.search(r"\w\.(csv|json|txt)\b", en + zh), f"{key}: a file name in {en!r} / {zh!r}"


@pytest.mark.parametrize("raw, complaint", [
    ("id,english,chinese\nquote,Quote,原文\n", "header"),
    ("id,en,zh\nquote,Quote,原文\nquote,Citation,引文\n", "given twice"),
    ("id,en,zh\nquote,Quote,\n", "no Chinese"),
    ("id,en,zh\nquote, ,原文\n", "no English"),
    ("id,en,zh\n quote,Quote,原文\n", "spaces"),
    ("id,en,zh\nquote,Quote,原文,extra\n", "4 fields"),
    ("id,en,zh\ntitle,{n} of {total} claims,{n}项说法\n", "fields"),  # the Chinese drops a number
    ("id,en,zh\ntitle,{n} claims,{m}项说法\n", "fields"),  # a typo in a field
    ("id,en,zh\ntitle,{n claims,{n}项说法\n", "title"),  # a brace left open
])
def test_a_broken_phrase_table_is_refused_with_its_line(raw, complaint):
    with pytest.raises(PhraseError, match=complaint):
        parse_phrases(raw, "phrases.csv")


def test_the_chinese_may_leave_out_only_what_english_readers_need():
    en, zh = parse_phrases("id,en,zh\nrow,\"{term_en} ({term}, {pinyin})\",{term}\n")["row"]
    assert en.format(term="网格", term_en="grid", pinyin="wǎnggé") == "grid (网格, wǎnggé)" and zh == "{term}"
    with pytest.raises(PhraseError, match="fields"):  # but not the number it speaks of
        parse_phrases("id,en,zh\nrow,{n} terms ({term}),{term}\n")


def test_text_fills_a_phrase_and_names_a_missing_one():
    assert text("quote", "en") == "Quote" and text("quote", "zh") == "原文"
    assert text("places.count", "en", n=4) == "4 places" and text("places.count", "zh", n=4) == "4个地方"
    with pytest.raises(KeyError, match="phrases.csv"):
        text("no.such.phrase", "en")
    with pytest.raises(KeyError):
        text("places.count", "en")  # a field left unfilled is an error, not "{n} places"
    with pytest.raises(ValueError, match="lang"):
        text("quote", "fr")
    assert join_words(["A", "B", "C"], "en") == "A, B and C" and join_words(["甲", "乙", "丙"], "zh") == "甲、乙、丙"
    assert join_words(["A"], "en") == "A" and join_words([], "en") == ""


def test_every_phrase_the_code_names_exists_and_every_phrase_is_used():
    table = phrases()
    constants, patterns, called = _phrase_ids_in_code()
    missing = [f"{path}:{line}: {key}" for path, line, key in called if key not in table]
    assert not missing, f"phrases the code asks for that phrases.csv lacks: {missing}"
    unused = [k for k in table if k not in constants and not any(re.fullmatch(p, k) for p in patterns)]
    assert not unused, f"phrases nothing says (remove them, or use them): {unused}"


def test_every_value_of_the_data_that_charts_name_has_a_label():
    t = pingan.load_all()
    kinds = {"category": t["practices"]["category"], "tier": t["practices"]["tier"],
             "relation": t["practice_links"]["relation"], "domain": t["indicators"]["domain"],
             "qualifier": t["statistics"]["qualifier"], "finding": pingan.data_quality_findings(tables=t)["kind"],
             "verified": t["references"]["verified"]}
    for kind, column in kinds.items():
        values = column.dtype.categories.to_list() if column.dtype == pl.Enum else column.unique().to_list()
        missing = [v for v in values if f"{kind}.{v}" not in phrases()]
        assert not missing, f"values of {kind} without a phrase {kind}.<value>: {missing}"
    assert set(slug_labels("status", "en")) == set(STATUSES) and slug_label("tier", "county", "zh") == "县(市、区)"
    with pytest.raises(ValueError, match="the tier values with a label are"):
        slug_label("tier", "galaxy", "en")
    assert all(family_label(f, lang) for f in FAMILY_LABELS for lang in ("en", "zh"))
    assert pingan.labels.verified_label("partly", "zh") == "部分核实"


def test_a_template_keeps_its_proper_name_inside_a_sentence():
    assert family_in_sentence("grid-management", "en") == "Grid management"[0].lower() + "rid management"
    assert family_in_sentence("fengqiao", "en") == family_label("fengqiao", "en")  # Fēngqiáo: a proper name
    assert family_in_sentence("village-supervision", "en").startswith("village")  # Hòuchén comes later
    assert family_in_sentence("grid-management", "zh") == family_label("grid-management", "zh")


def _branches_on_lang(path: Path) -> dict[str, int]:
    """function → how many times it compares ``lang`` with "en" or "zh"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out: dict[str, int] = {}
    for fn in ast.walk(tree):
        if not isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(fn):
            if isinstance(node, ast.Compare) and len(node.comparators) == 1:
                sides = [node.left, node.comparators[0]]
                if any(isinstance(s, ast.Name) and s.id == "lang" for s in sides) and \
                        any(isinstance(s, ast.Constant) and s.value in ("en", "zh") for s in sides):
                    out[fn.name] = out.get(fn.name, 0) + 1
    return out


# The branches on the language left in charts, tables and analysis, each a rule of writing, not a
# phrase: how a place or a heading is shortened, and how a box label is cut.
LANG_BRANCHES = {
    ("analysis/_frames.py", "printed_label"): 1,   # Chinese readers see the figure exactly as printed
    ("charts/_model_charts.py", "_heading_name"): 1,  # a heading up to its colon, or its dash or comma
    ("charts/_model_layout.py", "node_label"): 2,  # Chinese names are cut by character
}


def test_charts_tables_and_analysis_say_things_through_the_vocabulary():
    """A new ``if lang == "en"`` in a chart, a table or an analysis module fails here: say it with
    a phrase (``text(id, lang, …)``, a row of lib/pingan/package/phrases.csv)."""
    found = {}
    for layer in ("analysis", "charts", "tables"):
        for path in sorted((LIB / layer).glob("*.py")):
            for fn, n in _branches_on_lang(path).items():
                found[(f"{layer}/{path.name}", fn)] = n
    extra = {k: n for k, n in found.items() if n > LANG_BRANCHES.get(k, 0)}
    assert not extra, f"branches on the language (use a phrase of the vocabulary instead): {extra}"
    assert found == LANG_BRANCHES, "a branch in LANG_BRANCHES is gone: lower the ceiling"


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """Every string constant of a module, docstrings left out (their examples are for developers)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and n.body and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_no_article_id_or_place_code_is_typed_in_the_library():
    """The articles and places are data: code that names one breaks when an article is added."""
    t = pingan.load_all()
    ids = set(t["articles"]["article_id"]) | set(t["places"]["place_code"])
    pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, sorted(ids, key=len, reverse=True))) + r")(?![\w-])")
    typed = [f"{path.relative_to(LIB)}:{line}: {s!r}" for path in _sources() for line, s in _code_strings(path)
             if pattern.search(s)]
    raw = (LIB / "package" / "phrases.csv").read_text(encoding="utf-8")
    typed += [f"package/phrases.csv: {m}" for m in pattern.findall(raw)]
    assert not typed, f"article ids or place codes typed in the library (read them from the data): {typed}"


def test_every_place_label_follows_the_one_rule():
    """Charts, tables and article labels name places through ``place_names``; the alliance map
    through ``alliance_cities``: each gives the short name, in both languages."""
    from pingan.analysis._frames import article_labels, place_names
    from pingan.charts._alliance_map import alliance_cities
    tables = pingan.load_all()
    levels = dict(zip(tables["places"]["place_code"], tables["places"]["level"].cast(pl.String)))
    for lang in ("en", "zh"):
        names = place_names(tables, lang)
        for r in tables["places"].iter_rows(named=True):  # only a province, city or county loses a word
            full, short = r[f"name_{lang}"], names[r["place_code"]]
            assert full.startswith(short)
            assert short == full or (levels[r["place_code"]] in ("province", "prefecture", "county")
                                     and full[len(short):].strip() in ("Province", "City", "District", "County",
                                                                       "省", "市", "区", "县")), (full, short)
        assert names == {r["place_code"]: short_place_name(r[f"name_{lang}"], lang)
                         for r in tables["places"].iter_rows(named=True)}
        labels = article_labels(tables, lang)
        for r in tables["articles"].iter_rows(named=True):
            assert labels[r["article_id"]] == f"{names[r['place_code']]} {str(r['published'])[:4]}"
        provinces = {r["province_code"]: r for r in tables["places"].iter_rows(named=True) if r["level"] == "province"}
        for r in alliance_cities(tables=tables, lang=lang).iter_rows(named=True):
            assert r["province"] == short_place_name(provinces[r["province_code"]][f"name_{lang}"], lang)
