"""Write the workbook's notebook sources (unexecuted). Run once when the series' design
changes, then execute them: `python3 run.py notebooks`. Edit freely in
JupyterLab afterwards; this script is the starting layout, not a second copy to maintain."""
import sys
from pathlib import Path

import nbformat as nbf

OUT = Path(__file__).resolve().parents[1] / "notebooks"
KERNEL = {"kernelspec": {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"},
          "language_info": {"name": "python"}}


def md(s):
    return nbf.v4.new_markdown_cell(s.strip())


def code(s):
    return nbf.v4.new_code_cell(s.strip())


SETUP = code("""
import polars as pl
from IPython.display import Markdown

import pingan

pl.Config.set_tbl_hide_dataframe_shape(True)
pl.Config.set_fmt_str_lengths(80)
pl.Config.set_tbl_rows(60)
tables = pingan.load_all()
""")

ARTICLES = {
    "jinhua-2017": ("01_jinhua_2017", "Jinhua, 2017: thirteen years of a Safe Jinhua", """
The article reads the programme through four pillars, each a section of the text:
**services for people's livelihoods** (服务民生, *fúwù mínshēng*) — the "four platforms" (四个平台)
at township level and the "8890" service hotline; **strict control** (严管严治) of crime and
of risky trades under real-name rules, with the "Sharp Eyes" video project (雪亮工程, *xuěliàng
gōngchéng*); **technology-led governance** (科技引领) with apps and cameras; and **social
participation** (社会参与) through a registered volunteer corps. It is the only article that
traces the Houchen experience (后陈经验) — village affairs supervision born in Wuyi county —
into national law."""),
    "jinhua-2020": ("02_jinhua_2020", "Jinhua, 2020: grassroots party-building plus social governance", """
The organising idea is "grassroots party-building + social governance" (基层党建+社会治理,
*jīcéng dǎngjiàn + shèhuì zhìlǐ*): party organisations lead grid work, from Yiwu's
"party-building + unit + policing" model to the "red grid" (红色网格) in Dongyang's Hengdian and
Wucheng. Conflict goes to **one-stop mediation centres** (社会矛盾纠纷调处化解中心), where petition,
court, legal-aid and labour services sit under one roof ("at most one place to go",
最多跑一地). **Smart policing** — Yongkang's "one alert, three pushes" (一警情三推送) and
"smart secure communities" (智安小区) — and **mass prevention** (群防群治) complete the model."""),
    "wucheng-2020": ("03_wucheng_2020", "Wucheng district, 2020: three nets merged", """
Wucheng, Jinhua's central district, frames its work as **three nets merged** (三网融合, *sān wǎng
rónghé*): a **safety net** (安全网) of safe-campus, safe-hospital and traffic campaigns, a
**comprehensive-governance net** (综治网) of township centres, full-coverage grids and a district
mediation centre, and a **volunteer net** (志愿网) of mass-prevention teams, foreign-student
volunteers under the "six-party collaboration" (六方协作) and business-district alliances.
The text breaks off mid-sentence, so the last section is incomplete."""),
    "quzhou-2024": ("04_quzhou_2024", "Quzhou, 2024: a bridgehead where four provinces meet", """
Quzhou, on Zhejiang's border with Anhui, Fujian and Jiangxi, tells twenty years of Ping An
Quzhou through four constants: **one goal** (leadership responsibility and inspection, the
"Ping An report card" 平安报表), **one orientation** (people's sense of safety, with crime
falling since the programme began), **one foundation** — the "Fengqiao experience" (枫桥经验,
*Fēngqiáo jīngyàn*) and the **141 → 1141** governance system — and **one idea**: everyone
takes part, through volunteer teams and the "Sanqu volunteer police" (三衢义警). Its
distinctive pillar is **cross-border cooperation**: the "Alliance Garden" (联盟花园) with
Huangshan, Nanping and Shangrao and its "six links" (六联)."""),
    "jiaxing-2024": ("05_jiaxing_2024", "Jiaxing, 2024: 'Big Ping An' and twenty years of results", """
Jiaxing's page in *Zhejiang Daily* pairs city-wide results — GDP, satisfaction, homicides
solved, fewer accidents — with one case from each district or county: Nanhu's digital
"people's voices, one click" (民声一键办), Xiuzhou's idle farmhouses turned blue-collar
apartments, Jiashan's grid "six systems" (网格"六制"工作法), Pinghu's "five links" (五联) on
the Shanghai border, Haiyan's school police, Haining's campus-governance alliance and
Tongxiang's mediation in the Puyuan sweater market. The city also claims the origin of
"three governances in one" (三治融合: self-governance, rule of law, rule of virtue)."""),
}


def article_notebook(article_id, slug, title, model):
    cells = [
        md(f"# {title}\n\nOne article, its governance model and every figure it states. "
           "Everything below is computed from the workbook's tables (`pingan.load_all()`); "
           "hover over a bar to read the exact quote it comes from."),
        SETUP,
        code(f"""
ARTICLE = "{article_id}"
art = tables["articles"].filter(pl.col("article_id") == ARTICLE).row(0, named=True)
stats = tables["statistics"].filter(pl.col("article_id") == ARTICLE)
practices = tables["practices"].filter(pl.col("article_id") == ARTICLE)
Markdown(
    f"**{{art['title_zh']}}** — *{{art['title_en']}}*  \\n"
    f"Outlet: {{art['outlet']}}. Published: {{art['published']}} ({{art['date_basis']}}).  \\n"
    f"By-line: {{art['authors']}}. Figures cover {{art['period_covered']}}.  \\n"
    f"The workbook curates **{{stats.height}}** figures and **{{practices.height}}** named practices from it."
)"""),
        md("## The governance model\n" + model),
        code("""
practices.select("name_zh", "pinyin", "name_en", "category", "level", "started").sort("category", "name_zh")"""),
        code("pingan.practice_categories_chart(ARTICLE)"),
        code("""
by_cat = practices.group_by("category").len().sort(["len", "category"], descending=[True, False])
top = by_cat.row(0, named=True)
Markdown(f"The article names practices in **{by_cat.height}** categories; the largest is "
         f"*{top['category']}* with **{top['len']}** of the **{practices.height}**.")"""),
        md("## The figures\n\nChanges first (a decrease is negative), then counts of capacity "
           "and activity, rates, and honours. Each chart draws every figure of its kind in the article."),
        code("""
changes = stats.filter(pl.col("measure") == "change_pct").sort("value", "stat_id")
if changes.height:
    low = changes.row(0, named=True)
    display(Markdown(f"**{changes.height}** changes are stated. The largest fall is in "
                     f"*{low['indicator']}* ({low['as_written']}, {low['period']}): “{low['quote']}”"))
    display(pingan.changes_chart(ARTICLE))
else:
    display(Markdown("The article states no percentage changes."))"""),
        code("""
counts = stats.filter((pl.col("measure") == "level") & pl.col("unit").cast(pl.String).is_in(["count", "people", "person-times"]))
if counts.height:
    big = counts.sort(["value", "stat_id"], descending=[True, False]).row(0, named=True)
    display(Markdown(f"**{counts.height}** counts of capacity or activity; the largest is "
                     f"*{big['indicator']}*: {big['as_written']} (= {big['value']:,.0f})."))
    display(pingan.counts_chart(ARTICLE))"""),
        code("""
for measures, builder in ((["rate_pct", "share_pct"], pingan.rates_chart), (["count_years"], pingan.honours_chart)):
    if stats.filter(pl.col("measure").is_in(measures)).height:
        display(builder(ARTICLE))"""),
        code("""
other = stats.filter(~pl.col("measure").is_in(["change_pct", "level", "rate_pct", "share_pct", "count_years"])
                     | ((pl.col("measure") == "level") & ~pl.col("unit").cast(pl.String).is_in(["count", "people", "person-times"])))
display(Markdown(f"**{other.height}** further figures (money, distances, durations, changes in percentage points) "
                 "are not charted; they are listed here."))
other.select("stat_id", "indicator", "as_written", "value", "unit", "period", "quote")"""),
        md("## What the figures can and cannot show\n\nMost figures are stated without their base: "
           "a fall in percent without the number of cases, a count without the population it serves. "
           "Periods differ from figure to figure, and many are inferred from words such as "
           "*at present* (目前) or *since last year* (去年以来) rather than printed. Approximate "
           "figures (余, 多, 近, 以上) keep their qualifier in the table."),
        code("""
basis = stats.group_by("period_basis").len().sort("period_basis")
qual = stats.group_by("qualifier").len().sort("qualifier")
inferred = stats.filter(pl.col("period_basis") == "inferred").height
approx = stats.filter(pl.col("qualifier") != "exact").height
Markdown(f"Of **{stats.height}** figures, **{inferred}** have a period inferred by the curators "
         f"(the notes say why) and **{approx}** are approximate or bounds rather than exact values.")"""),
        code("""
stats.filter(pl.col("period_basis") == "inferred").select("stat_id", "as_written", "period", "notes")"""),
        md("## Data-quality findings\n\nComputed by `pingan.data_quality_findings()`; the tables keep "
           "what the article prints."),
        code("""
findings = pingan.data_quality_findings(tables).filter(pl.col("article_id") == ARTICLE)
display(Markdown(f"**{findings.height}** findings for this article."))
findings.select("finding_id", "kind", "message_en")"""),
        md("## Terms used here"),
        code("""
names = " ".join(practices["name_zh"].to_list())
tables["glossary"].filter(pl.lit(names).str.contains(pl.col("term_zh"), literal=True)).head(25)"""),
    ]
    return cells


def overview():
    return [
        md("""
# The Ping An Zhejiang workbook (平安浙江)

**Ping An Zhejiang** (平安浙江, *Píng'ān Zhèjiāng*, "Safe Zhejiang") is the province's
programme for public safety and social stability, launched by its Party committee (the
timeline below dates it from the articles). This workbook follows it through five newspaper articles about three of
Zhejiang's eleven prefecture-level cities — **Jinhua** (金华, *Jīnhuá*) and its **Wucheng**
district (婺城, *Wùchéng*), **Quzhou** (衢州, *Qúzhōu*) and **Jiaxing** (嘉兴, *Jiāxīng*) — and
turns them into tables in which every number carries the quote it comes from.

The series: this overview; one notebook per article; a comparison across the cities; and the
data-quality and coverage audit. Every chart is interactive in JupyterLab (hover for quotes)
and has a static image for viewers without JavaScript.
"""),
        SETUP,
        code("""
arts = tables["articles"]
Markdown(f"The tables hold **{tables['statistics'].height}** statistics, **{tables['practices'].height}** "
         f"named practices, **{tables['glossary'].height}** glossary terms and **{tables['timeline'].height}** "
         f"dated events from **{arts.height}** articles published between {arts['published'].min()[:4]} "
         f"and {arts['published'].max()[:4]}.")"""),
        md("## The five articles"),
        code("""
arts.select("article_id", "title_zh", "title_en", "outlet", "published", "date_basis", "period_covered")"""),
        md("## Where they are\n\nThe province's eleven prefecture-level cities; the three the articles "
           "cover are coloured, in the colours every chart of the workbook uses. Hover a city for its "
           "Chinese name, pinyin and the articles about it."),
        code("pingan.zhejiang_map()"),
        md("## When: the programme's timeline\n\nEvery dated event the articles mention, one row per article."),
        code("""
tl = tables["timeline"].sort("date", "event_id")
first = tl.row(0, named=True)
Markdown(f"The earliest event is from {first['date']}: {first['event_en']} The latest is from "
         f"{tl['date'].max()}. **{tl.height}** events in all.")"""),
        code("pingan.timeline_chart()"),
        md("""
## How to use and cite

- Load any table with `pingan.load("statistics")` (a validated polars DataFrame) or read the CSV
  files in `data/` directly; `data/datapackage.json` documents every column.
- Quote a figure with its `stat_id`, its quote and its article, e.g. *Ping An Zhejiang workbook,
  statistics `jinhua-2020-001`, quoting 打出“基层党建+社会治理”组合拳 (Jinhua, 2020)*.
- Chinese terms appear with pinyin and English; the glossary has them all:
"""),
        code("""
tables["glossary"].filter(pl.col("term_zh").is_in(["平安浙江", "枫桥经验", "网格员", "三治融合", "综治中心", "信访"]))"""),
    ]


def comparison():
    return [
        md("""
# Comparing the cities

What the three cities emphasise, the indicators several articles share, and figures per
resident. The articles were written years apart for different occasions, so the comparison is
of emphasis and direction, not a league table.
"""),
        SETUP,
        md("## Which practices each article emphasises"),
        code("pingan.practice_heatmap()"),
        code("""
cats = (tables["practices"].group_by("article_id", "category").len()
        .sort(["len", "category"], descending=[True, False]).group_by("article_id", maintain_order=True).first()
        .sort("article_id"))
Markdown("The most frequent practice category per article: " + "; ".join(
    f"**{r['article_id']}** — {r['category']} ({r['len']})" for r in cats.iter_rows(named=True)) + ".")"""),
        md("## Indicators several articles share\n\nCriminal cases, thefts, traffic deaths, fires, "
           "work-safety accidents and lawsuits appear in more than one article, but over different periods."),
        code("pingan.shared_indicators_chart()"),
        code("""
s = tables["statistics"]
shared = (s.filter(pl.col("measure") == "change_pct").group_by("indicator")
          .agg(pl.col("article_id").n_unique().alias("articles"), pl.col("value").max().alias("largest_change"))
          .filter(pl.col("articles") >= 2).sort(["articles", "indicator"], descending=[True, False]))
shared"""),
        code("""
rising = shared.filter(pl.col("largest_change") > 0).height
Markdown(f"Of **{shared.height}** indicators reported by two or more articles, **{rising}** ever rose: "
         "every shared change the articles report is a fall.")"""),
        md("## Satisfaction with public safety\n\nThe one outcome measure two cities give as a level."),
        code("""
s.filter(pl.col("indicator") == "safety_satisfaction_rate").select("article_id", "period", "as_written", "measure", "quote")"""),
        md("## Per resident\n\nCity-level counts divided by the resident population of the 2020 census "
           "(`data/population.csv`, from the census bulletins). The figures' own years differ from the census year."),
        code("""
pc = pingan.per_capita_figures(tables)
pc.select("article_id", "name_en", "period", "as_written", "population", "per_10k")"""),
        code("pingan.per_capita_chart()"),
        md("## Honours"),
        code("pingan.honours_chart()"),
        code("""
titles = s.filter(pl.col("indicator") == "ping_an_city_title_years").sort(["value", "stat_id"], descending=[True, False])
Markdown("Years holding the provincial 'Ping An city' title, as each article states it: " + "; ".join(
    f"{r['article_id']}: {r['as_written']} ({r['period']})" for r in titles.iter_rows(named=True)) + ".")"""),
    ]


def data_quality():
    return [
        md("""
# Data quality and coverage

How the tables were curated, proof that every number in the five articles is either curated
or deliberately left out, and what the figures imply about each other.

**Curation.** Each article was read in full; every quantitative statement became one row of
`statistics.csv` with the exact quote (matched with spaces and line breaks removed, because
the newspaper columns break lines mid-sentence), the number as written, its value in base
units, unit, measure, qualifier, place and period. Decreases are negative. Periods the text
does not print are inferred and explained in `notes`. Every other number — dates, programme
names such as "8890" or "141", ordinals, anecdotes — is listed in `exclusions.csv` with a reason.
"""),
        SETUP,
        md("## Every number, accounted for\n\nThe number spotter (`pingan.extract_numbers`) runs over "
           "each article; each number it finds is matched by position to a curated statistic or an exclusion."),
        code("""
report = pingan.audit_coverage()
summary = report.summary()
Markdown(f"The spotter finds **{len(report.items)}** numbers in the five articles: "
         f"**{sum(i.status == 'curated' for i in report.items)}** curated, "
         f"**{sum(i.status == 'excluded' for i in report.items)}** excluded with a reason, "
         f"**{len(report.unexplained)}** unexplained.")"""),
        code("summary"),
        code("pingan.coverage_chart(report)"),
        code("""
tables["exclusions"].group_by("reason").len().sort(["len", "reason"], descending=[True, False])"""),
        md("## Validation\n\n`pingan.validate()` checks types, enums, keys, that each quote stands in its "
           "article and that each value re-parses from the number as written. It returns every problem "
           "as `file:line: column: message`; an empty list means the package is clean."),
        code("""
problems = pingan.validate()
Markdown(f"`pingan.validate()` reports **{len(problems)}** problems.")"""),
        md("## What the figures imply\n\nComputed findings: repeated figures that look like slips, "
           "implied rates and totals, growth rates. The tables keep what the articles print."),
        code("""
findings = pingan.data_quality_findings(tables)
findings.select("finding_id", "kind", "computed", "unit", "message_en")"""),
        code("""
by_kind = findings.group_by("kind").len().sort("kind")
Markdown("Findings by kind: " + ", ".join(f"{r['kind']} **{r['len']}**" for r in by_kind.iter_rows(named=True)) + ".")"""),
        md("## How precise the figures are"),
        code("""
(tables["statistics"].group_by("article_id", "qualifier").len().sort("article_id", "qualifier")
 .pivot(on="qualifier", index="article_id").fill_null(0).sort("article_id"))"""),
    ]


def main():
    OUT.mkdir(exist_ok=True)
    books = {"00_overview": overview(), "06_comparison": comparison(), "07_data_quality": data_quality()}
    for aid, (slug, title, model) in ARTICLES.items():
        books[slug] = article_notebook(aid, slug, title, model)
    for name, cells in books.items():
        nb = nbf.v4.new_notebook(cells=cells, metadata=KERNEL)
        nbf.write(nb, OUT / f"{name}.ipynb")
        print("wrote", OUT / f"{name}.ipynb")


if __name__ == "__main__":
    sys.exit(main())
