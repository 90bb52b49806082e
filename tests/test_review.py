"""The review page: built here, then opened in a real headless Chromium (Selenium).

Browser tests skip when Debian's ``chromium`` and ``chromedriver`` are missing, except
in CI (``CI=true`` or ``PAPERFACTS_REQUIRE_BROWSER=1``), where they fail instead.
Screenshots of a paper and of the summary go to ``tests/artifacts/`` for a person to look at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from paperfacts import extract, extract_many, review
from paperfacts.cli import main
from paperfacts.records import PaperFacts
from paperfacts.review import histogram, human

ARTIFACTS = ROOT / "tests" / "artifacts"
CORPUS = ROOT.parent / "shared" / "corpus" / "arxiv_abstracts.jsonl.gz"
KINDS = {"models": "model", "parameter_counts": "parameter_count", "token_counts": "token_count",
         "benchmarks": "benchmark", "datasets": "dataset", "scores": "score", "urls": "url"}

#: Inputs beyond the fixture's real abstracts: text outside the Basic Multilingual Plane before
#: facts (UTF-16 offsets in the browser), markup that must stay text, and an unreadable record.
EXTRA = [
    {"id": "astral", "title": "𝓛LaMA notes 🦙",
     "abstract": "🦙🦙 We fine-tune LLaMA-65B on 1.4T tokens 🚀 and reach 71.2% on MMLU, 3.1 points above GPT-3."},
    {"id": "markup", "title": "A </script><script>alert(1)</script> title",
     "abstract": "We release <b>Mistral 7B</b> & friends at https://github.com/mistral/x </script> now."},
    {"id": "broken", "title": "no abstract"},
]


def mentions(record: PaperFacts, kinds=None) -> list[tuple[str, str, str, str]]:
    """(kind, rule, field, text) of every evidence quote of ``record``."""
    return [(KINDS[field], fact.rule, ev.field, ev.text) for field in KINDS if kinds is None or KINDS[field] in kinds
            for fact in getattr(record, field) for ev in fact.evidence]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    extra = tmp_path_factory.mktemp("review") / "extra.jsonl"
    extra.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in EXTRA), encoding="utf-8")
    return [FIXTURES / "papers.jsonl", FIXTURES / "daily_papers_sample.txt", extra]


@pytest.fixture(scope="module")
def export(inputs, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review") / "facts.jsonl"
    assert main(["extract", *map(str, inputs), "-o", str(out), "-q"]) == 0
    return out


@pytest.fixture(scope="module")
def records(export) -> dict[str, PaperFacts]:
    lines = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    return {r["id"]: PaperFacts.model_validate(r) for r in lines if "error" not in r}


@pytest.fixture(scope="module")
def page(inputs, export, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("review") / "review.html"
    assert main(["review", *map(str, inputs), "--facts", str(export), "-o", str(out), "-q"]) == 0
    return out


# ------------------------------------------------------------------ without a browser

@pytest.mark.parametrize("n, text", [(950, "950"), (1000, "1K"), (1_300_000_000, "1.3B"), (175 * 10**9, "175B"),
                                     (3_100_000_000_000, "3.1T"), (2.5, "2.5"), (999_950, "1M"), (999.7, "1K"),
                                     (2 * 10**15, "2,000T")])
def test_human_sizes(n, text):
    assert human(n) == text


def test_histogram_counts_half_decades_on_a_log_scale():
    h = histogram([1_000, 3_000, 9_999, 7 * 10**9, 10**10])
    # 1K-3.16K, 3.16K-10K, ..., 3.16B-10B, 10B-31.6B, 31.6B-100B
    assert [b["n"] for b in h["bins"]] == [2, 1] + [0] * 11 + [1, 1, 0]
    assert [t["label"] for t in h["ticks"]] == ["1K", "", "100K", "", "10M", "", "1B", "", "100B"]  # every other
    assert [t["label"] for t in histogram([10, 10**5])["ticks"]] == ["10", "100", "1K", "10K", "100K", "1M"]
    assert h["ticks"][0]["at"] == 0 and h["ticks"][-1]["at"] == 1 and h["max"] == 2 and h["n"] == 5
    assert histogram([]) is None


def test_page_is_self_contained_and_deterministic(inputs, page, tmp_path):
    html = page.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//""", html)
    assert html.count("<script") == 2 and html.lower().count("</script") == 2  # the data's </script> is escaped
    assert "alert(1)</script>" not in html
    again = tmp_path / "again.html"
    assert main(["review", *map(str, inputs), "-o", str(again), "-q"]) == 0  # extracting now: the same page
    assert again.read_bytes() == page.read_bytes()


def test_summary_counts_papers_errors_and_facts(page, records):
    html = page.read_text(encoding="utf-8")
    cards = {stat: int(n.replace(",", "")) for stat, n in re.findall(r'data-stat="(\w+)"><b>([\d,]+)</b>', html)}
    assert cards["papers"] == len(records) + 1 and cards["errors"] == 1
    assert cards["with_facts"] == sum(any(mentions(r)) for r in records.values())
    for field in KINDS:
        assert cards[field] == sum(len(getattr(r, field)) for r in records.values())
    assert "<td>3</td><td><code>broken</code></td><td>missing key" in html  # the error record, with its reason


def test_facts_that_do_not_match_the_inputs_are_refused(inputs, export, tmp_path, capsys):
    lines = export.read_text(encoding="utf-8").splitlines()
    swapped = tmp_path / "swapped.jsonl"
    swapped.write_text("\n".join([lines[1], lines[0], *lines[2:]]) + "\n", encoding="utf-8")
    assert main(["review", *map(str, inputs), "--facts", str(swapped), "-o", str(tmp_path / "x.html"), "-q"]) == 2
    assert "line 1: id" in capsys.readouterr().err
    assert main(["review", str(inputs[0]), "--facts", str(export), "-o", str(tmp_path / "x.html"), "-q"]) == 2
    assert "has 19 records, the inputs 13" in capsys.readouterr().err
    assert main(["review", str(inputs[0]), "-o", str(tmp_path), "-q"]) == 2
    assert "is a directory" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [swapped]


def test_review_function_takes_the_input_records_as_texts():
    papers = [{"id": "a", "title": "GPT-4 report", "abstract": "GPT-4 scores 86.4% on MMLU."}, {"id": "b"}]
    html = review(list(extract_many(papers)), papers)
    assert html.startswith("<!DOCTYPE html>") and '"i":"a"' in html and "missing abstract" in html
    with pytest.raises(ValueError, match="not in the abstract"):
        review([extract(papers[0]["abstract"], id="a")], ["Another text entirely."])


def test_record_view_in_a_notebook_keeps_the_record_unchanged():
    facts = extract("We train Pythia-1B on the Pile.", title="Pythia-1B")
    before = facts.model_dump_json()
    assert "mountPaper" in facts.with_text("We train Pythia-1B on the Pile.")._repr_html_()
    bare = facts._repr_html_()  # no abstract: the title in place, the abstract's facts as quotes
    assert re.findall(r"<q>(.*?)</q>", bare) == [text for _, _, field, text in mentions(facts) if field == "abstract"]
    assert facts.model_dump_json() == before


# ------------------------------------------------------------------ in a browser

def _cannot_test(reason: str):
    """Skip, or fail in CI, where the browser tests must run."""
    if os.environ.get("CI") == "true" or os.environ.get("PAPERFACTS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"browser tests are required here, but: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    browser_path = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not (browser_path and driver_path):
        _cannot_test("needs Debian's chromium and chromium-driver (apt-get install -y chromium chromium-driver)")
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _cannot_test("needs selenium (pip install -e '.[test]')")

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not look anything up
    options = webdriver.ChromeOptions()
    options.binary_location = browser_path
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--hide-scrollbars",
                f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(120)
    yield driver
    driver.quit()


def open_page(driver, path: Path) -> float:
    """Load ``path``; seconds until the first page of papers is drawn."""
    started = time.perf_counter()
    driver.get(path.as_uri())
    for _ in range(600):
        if driver.execute_script("return document.getElementById('pf-root').dataset.ready") == "1":
            return time.perf_counter() - started
        time.sleep(0.02)
    raise AssertionError("the page never finished drawing")


def shown(driver) -> list[dict]:
    """Every highlight on screen: its kind, rule, text, paper id and field."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('#pf-papers [data-kind]')).map(m => ({
          kind: m.dataset.kind, rule: m.dataset.rule, text: m.textContent,
          paper: m.closest('article').dataset.id, field: m.closest('.pf-title') ? 'title' : 'abstract'}));""")


def paper_ids(driver) -> list[str]:
    return driver.execute_script("return Array.from(document.querySelectorAll('article.pf-paper')).map(a => a.dataset.id)")


def console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def set_kinds(driver, kinds: set[str]) -> None:
    driver.execute_script("""
        for (const box of document.querySelectorAll('input[data-filter-kind]')) {
          if (box.checked !== arguments[0].includes(box.dataset.filterKind)) box.click();
        }""", sorted(kinds))


def test_every_fact_is_highlighted_with_its_exact_text(browser, page, records):
    open_page(browser, page)
    marks = shown(browser)
    ids = paper_ids(browser)
    assert set(ids) == set(records) and len(ids) == len(records)  # one page holds them all (20 a page)
    expected = Counter((kind, rule, field, text) for id in ids for kind, rule, field, text in mentions(records[id]))
    got = Counter((m["kind"], m["rule"], m["field"], m["text"]) for m in marks)
    assert got == expected and len(marks) > 50
    assert {"LLaMA-65B", "1.4T tokens", "71.2%", "MMLU", "GPT-3"} <= {m["text"] for m in marks if m["paper"] == "astral"}
    assert console_errors(browser) == []


def test_filter_by_kind_hides_the_others(browser, page, records):
    open_page(browser, page)
    set_kinds(browser, {"benchmark"})
    marks = shown(browser)
    assert marks and {m["kind"] for m in marks} == {"benchmark"}
    ids = paper_ids(browser)
    assert set(ids) == {id for id, r in records.items() if r.benchmarks}  # and papers without one
    assert len(marks) == sum(len(mentions(records[id], {"benchmark"})) for id in ids)
    set_kinds(browser, set(KINDS.values()))
    assert len(shown(browser)) == sum(len(mentions(r)) for r in records.values())


def test_filter_by_rule(browser, page, records):
    open_page(browser, page)
    rule = "url.link"
    browser.execute_script("""const s = document.getElementById('pf-rule');
        s.value = Array.from(s.options).find(o => o.textContent.startsWith(arguments[0])).value;
        s.dispatchEvent(new Event('change'));""", rule)
    marks = shown(browser)
    assert marks and {m["rule"] for m in marks} == {rule}
    assert len(marks) == sum(1 for r in records.values() for m in mentions(r) if m[1] == rule)


def test_search_finds_a_paper_by_a_model_name(browser, page, records):
    from selenium.webdriver.common.by import By

    open_page(browser, page)
    box = browser.find_element(By.ID, "pf-search")
    box.send_keys("OpenELM")
    time.sleep(0.4)
    assert_found(browser, "OpenELM", {id for id, r in records.items() if any(m.name == "OpenELM" for m in r.models)})
    assert browser.find_element(By.ID, "pf-status").text.startswith(f"Papers 1–{len(paper_ids(browser))} of ")


def test_a_bar_of_a_plot_searches_for_its_name(browser, page, records):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, page)
    bar = browser.find_element(By.CSS_SELECTOR, ".pf-bar.pf-k-benchmark")  # the most frequent benchmark
    name = bar.get_attribute("data-q")
    bar.send_keys(Keys.ENTER)  # a keyboard user's click
    assert browser.find_element(By.ID, "pf-search").get_attribute("value") == name
    assert_found(browser, name, {id for id, r in records.items() if any(b.name.casefold() == name.casefold()
                                                                     for b in r.benchmarks)})


def assert_found(driver, term: str, expected: set[str]) -> None:
    """The papers shown are those with a fact named ``term`` and others whose text has it."""
    found = paper_ids(driver)
    assert expected and expected <= set(found)
    texts = driver.execute_script("return Array.from(document.querySelectorAll('article')).map(a => a.textContent)")
    assert all(term.casefold() in text.casefold() for text in texts)


def test_focus_shows_the_fact_and_lights_its_links(browser, page, records):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    open_page(browser, page)
    score = browser.find_element(By.CSS_SELECTOR, 'article[data-id="astral"] mark[data-kind="score"][data-rule]')
    assert score.get_attribute("tabindex") == "0"
    browser.find_element(By.ID, "pf-search").click()
    while browser.switch_to.active_element != score:  # reached with the keyboard
        browser.switch_to.active_element.send_keys(Keys.TAB)
    tip = browser.find_element(By.ID, "pf-tip")
    assert tip.is_displayed()
    text = tip.text
    assert text.startswith("SCORE") and score.get_attribute("data-rule") in text and "unit" in text
    linked = browser.find_elements(By.CSS_SELECTOR, 'article[data-id="astral"] mark.pf-linked')
    fact = next(s for s in records["astral"].scores if s.evidence[0].text == score.text)
    assert {m.text for m in linked} == {n for n in (fact.model, fact.benchmark) if n}
    assert browser.execute_script("return getComputedStyle(arguments[0]).outlineStyle", score) != "none"  # visible focus


def test_screenshot_of_a_paper(browser, page, records):
    """A real paper with a score tied to its model and benchmark, the score focused."""
    from selenium.webdriver.common.by import By

    open_page(browser, page)
    id, score = next((id, s) for id, r in records.items() if id not in {"astral", "markup"}
                     for s in r.scores if s.model and s.benchmark and s.evidence[0].field == "abstract")
    browser.find_element(By.ID, "pf-search").send_keys(id)
    time.sleep(0.4)
    mark = next(m for m in browser.find_elements(By.CSS_SELECTOR, f'article[data-id="{id}"] mark[data-kind="score"]')
                if m.get_attribute("textContent") == score.evidence[0].text)
    browser.execute_script("window.scrollTo(0, 0); arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", mark)
    assert len(browser.find_elements(By.CSS_SELECTOR, "mark.pf-linked")) >= 2
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "review-paper.png"))


def test_summary_screenshot_and_paging(browser, page, records):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    open_page(browser, page)
    ARTIFACTS.mkdir(exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / "review-summary.png"))
    Select(browser.find_element(By.CSS_SELECTOR, ".pf-per")).select_by_visible_text("10")
    first = paper_ids(browser)
    browser.find_element(By.ID, "pf-next").click()
    second = paper_ids(browser)
    assert len(first) == 10 and len(second) == len(records) - 10 and not set(first) & set(second)
    assert len(shown(browser)) == sum(len(mentions(records[id])) for id in second)
    assert console_errors(browser) == []


def test_notebook_view_draws_the_same_highlights(browser, tmp_path):
    astral = extract(EXTRA[0]["abstract"], title=EXTRA[0]["title"], id=EXTRA[0]["id"])
    pythia = extract("We train Pythia-1B on the Pile.", title="Pythia-1B")
    cells = (astral.with_text(EXTRA[0]["abstract"])._repr_html_() + pythia.with_text("We train Pythia-1B on the Pile.")
             ._repr_html_() + pythia._repr_html_())  # the last without its abstract: the title's facts only
    snippet = tmp_path / "cells.html"
    snippet.write_text(f"<!DOCTYPE html><meta charset=utf-8><div id=pf-root data-ready=1>{cells}</div>", encoding="utf-8")
    open_page(browser, snippet)
    marks = browser.execute_script(
        "return Array.from(document.querySelectorAll('[data-kind]')).map(m => [m.dataset.kind, m.textContent])")
    in_place = [(kind, text) for kind, _, _, text in mentions(astral) + mentions(pythia)]
    expected = Counter(in_place + [(kind, text) for kind, _, field, text in mentions(pythia) if field == "title"])
    assert Counter(map(tuple, marks)) == expected
    assert console_errors(browser) == []


def test_hover_shows_the_kind_in_words(browser, page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    open_page(browser, page)
    mark = browser.find_element(By.CSS_SELECTOR, '#pf-papers mark[data-kind="parameter_count"]')
    ActionChains(browser).move_to_element(mark).perform()
    tip = browser.find_element(By.ID, "pf-tip")
    assert tip.is_displayed() and tip.text.startswith("PARAMETER COUNT") and "parameters" in tip.text


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours."""
    def luminance(css):
        channels = [int(c) / 255 for c in re.findall(r"[\d.]+", css)[:3]]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_every_kind_has_readable_colours(browser, page):
    """Text on each kind's highlight, and on its focused (active) highlight, has at least 4.5:1."""
    open_page(browser, page)
    for kind in KINDS.values():
        colours = browser.execute_script("""
            const m = document.createElement('mark'); m.className = 'pf-m'; m.dataset.kind = arguments[0];
            m.textContent = 'x'; document.querySelector('.pf-abstract').append(m);
            const plain = getComputedStyle(m); const a = [plain.color, plain.backgroundColor];
            m.classList.add('pf-active'); const active = getComputedStyle(m); const b = [active.color, active.backgroundColor];
            m.remove(); return [a, b];""", kind)
        for text, background in colours:
            assert contrast(text, background) >= 4.5, (kind, text, background)


def test_a_fact_crossing_another_is_cut_and_the_text_kept(browser, tmp_path):
    """Facts that overlap without nesting (none in the corpus) can't both be one element: the
    later one is cut where the earlier ends and goes on as a continuation without data-kind."""
    abstract = "We train Llama 2 7B base models."
    ev = lambda start, end: [{"field": "abstract", "start": start, "end": end, "text": abstract[start:end]}]
    record = PaperFacts(id="x", models=[{"name": "Llama 2 7B", "canonical": "Llama 2", "evidence": ev(9, 19),
                                                  "rule": "model.test"}],
                        parameter_counts=[{"value": 7 * 10**9, "text": "7B base", "evidence": ev(17, 24),
                                           "rule": "parameter_count.test"}])
    path = tmp_path / "crossing.html"
    path.write_text(review([record], [abstract]), encoding="utf-8")
    open_page(browser, path)
    assert [(m["kind"], m["text"]) for m in shown(browser)] == [("model", "Llama 2 7B"), ("parameter_count", "7B")]
    assert browser.execute_script("return document.querySelector('.pf-cont').textContent") == " base"
    cont = browser.execute_script("return getComputedStyle(document.querySelector('.pf-cont')).borderBottomColor")
    assert cont == browser.execute_script(
        "return getComputedStyle(document.querySelector('[data-kind=parameter_count]')).borderBottomColor")
    assert browser.execute_script("return document.querySelector('.pf-abstract').textContent") == abstract


@pytest.mark.slow
def test_ten_thousand_papers_load_and_page(browser, tmp_path):
    if not CORPUS.exists():
        pytest.skip(f"the arXiv corpus is not here ({CORPUS})")
    page, export = tmp_path / "corpus.html", tmp_path / "corpus.jsonl"
    assert main(["extract", str(CORPUS), "-o", str(export), "-q"]) == 0
    assert main(["review", str(CORPUS), "--facts", str(export), "-o", str(page), "-q"]) == 0
    records = {r.id: r for r in map(PaperFacts.model_validate_json, export.read_text(encoding="utf-8").splitlines())}
    seconds = open_page(browser, page)
    status = browser.execute_script("return document.getElementById('pf-status').textContent")
    assert re.match(r"Papers 1–20 of 10,\d{3}$", status), status
    browser.find_element("css selector", ".pf-last").click()
    last = paper_ids(browser)
    assert last and last[-1] == list(records)[-1]
    assert len(shown(browser)) == sum(len(mentions(records[id])) for id in last)
    started = time.perf_counter()
    browser.find_element("id", "pf-search").send_keys("GPT-4")  # drawn after a 120 ms pause in typing
    while "of 10," in (status := browser.execute_script("return document.getElementById('pf-status').textContent")):
        assert time.perf_counter() - started < 5, "the search never finished"
        time.sleep(0.01)
    search_seconds = time.perf_counter() - started
    assert re.match(r"Papers 1–\d+ of \d+ \(filtered from 10,\d{3}\)$", status), status
    assert console_errors(browser) == []
    size = page.stat().st_size
    print(f"\n10,000-paper page: {size / 1e6:.1f} MB, first page drawn {seconds:.2f} s after load began, "
          f"search {search_seconds:.2f} s")
    assert seconds < 5
