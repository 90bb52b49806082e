"""The components are real spaCy factories, usable from a plain spacy.blank("en")."""

import json
import subprocess
import sys

import pytest
import spacy
from spacy.tokens import Span

import paperfacts
from paperfacts import extract, make_doc, to_record
from paperfacts.pipeline import COMPONENTS, build_nlp, get_nlp


def test_factories_resolve_through_entry_points_without_importing_paperfacts():
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        + "".join(f"nlp.add_pipe({name!r})\n" for name in COMPONENTS)
        + "doc = nlp('We release LLaMA-2-7B, trained on 2T tokens: https://github.com/a/b.')\n"
        "print(sorted(doc.spans))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "paperfacts_models" in proc.stdout and "paperfacts_urls" in proc.stdout


def test_span_groups_hold_mentions_and_json_facts():
    nlp = build_nlp()
    doc = nlp("GPT-3 has 175B parameters and scores 58.1% on MMLU.")
    models = doc.spans["paperfacts_models"]
    assert [s.text for s in models] == ["GPT-3"]
    facts = doc.spans["paperfacts_parameter_counts"].attrs["facts"]
    assert facts[0]["value"] == 175_000_000_000
    assert doc.spans["paperfacts_scores"].attrs["facts"][0]["benchmark"] == "MMLU"
    # Everything written on the Doc survives spaCy's own serialization.
    again = spacy.tokens.Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert again.spans["paperfacts_parameter_counts"].attrs["facts"] == facts


def test_analyze_pipes_finds_no_problem_in_our_order():
    analysis = build_nlp().analyze_pipes()
    assert all(not problems for problems in analysis["problems"].values()), analysis["problems"]
    assert analysis["attrs"]["doc._.paperfacts_models"] == {
        "assigns": ["paperfacts_models"], "requires": ["paperfacts_corpora", "paperfacts_quantities", "paperfacts_scores"]}


@pytest.mark.parametrize("order, component, missing", [
    (("paperfacts_models", "paperfacts_gazetteer"), "paperfacts_models", "doc._.paperfacts_gazetteer_model"),
    (("paperfacts_gazetteer", "paperfacts_quantities", "paperfacts_models"), "paperfacts_quantities",
     "doc._.paperfacts_models"),
    (("paperfacts_gazetteer", "paperfacts_models", "paperfacts_scores", "paperfacts_corpora"), "paperfacts_scores",
     "doc._.paperfacts_benchmarks"),
])
def test_analyze_pipes_flags_a_component_before_one_it_reads(order, component, missing):
    nlp = spacy.blank("en")
    for name in order:
        nlp.add_pipe(name)
    assert missing in nlp.analyze_pipes()["problems"][component]


def test_each_span_has_its_exact_fact():
    doc = get_nlp()("We release GLM-4-9B. It scores 58.1% on MMLU: https://github.com/a/b.")
    span = doc.spans["paperfacts_models"][0]
    assert span.text == "GLM-4-9B."  # spans snap to tokens
    fact = span._.paperfacts_fact
    assert (fact["start"], fact["end"], fact["text"]) == (11, 19, "GLM-4-9B")
    for group in doc.spans.values():
        for span, fact in zip(group, group.attrs["facts"]):
            assert span._.paperfacts_fact is fact
            assert doc.text[fact["start"] : fact["end"]] == fact["text"]
            assert span.start_char <= fact["start"] < fact["end"] <= span.end_char
    assert doc._.paperfacts_scores == doc.spans["paperfacts_scores"].attrs["facts"]
    assert doc._.paperfacts_scores[0]["benchmark"] == "MMLU"
    assert Span(doc, 0, 1)._.paperfacts_fact is None  # not a span of ours


def test_to_record_is_public_and_gives_what_extract_gives():
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    title, abstract = "Chinese Tiny\n  LLM", "We introduce CT-LLM, a 2B model trained on\n  1,200 billion tokens."
    assert to_record(nlp(make_doc(nlp, abstract, title))) == extract(abstract, title=title)
    assert to_record(nlp(abstract)) == extract(abstract)
    assert to_record(nlp(abstract), id="x", title="t").id == "x"
    assert "to_record" in paperfacts.__all__


def test_a_saved_pipeline_loads_in_a_fresh_process(tmp_path):
    nlp = build_nlp()
    nlp.to_disk(tmp_path / "pipeline")
    meta = json.loads((tmp_path / "pipeline" / "meta.json").read_text("utf-8"))
    assert f"paperfacts>={paperfacts.__version__}" in meta["requirements"]
    text = "GPT-3 has 175B parameters and scores 58.1% on MMLU (https://github.com/a/b)."
    code = (
        "import json, sys, spacy\n"
        f"nlp = spacy.load({str(tmp_path / 'pipeline')!r})\n"
        f"doc = nlp({text!r})\n"
        "print(json.dumps({name: group.attrs['facts'] for name, group in doc.spans.items()}, sort_keys=True))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    doc = nlp(text)
    assert json.loads(proc.stdout) == {name: group.attrs["facts"] for name, group in doc.spans.items()}
    assert json.loads(proc.stdout)["paperfacts_parameter_counts"][0]["value"] == 175_000_000_000


def test_the_requirement_is_declared_once():
    nlp = spacy.blank("en")
    for name in COMPONENTS:
        nlp.add_pipe(name)
    assert [r for r in nlp.meta["requirements"] if r.startswith("paperfacts")] == [
        f"paperfacts>={paperfacts.__version__}"]


def test_the_extensions_pickle_for_nlp_pipe_n_process():
    """spaCy sends the extension attributes to the processes of nlp.pipe(n_process=N)."""
    import pickle

    from spacy.tokens.underscore import Underscore

    state = pickle.loads(pickle.dumps(Underscore.get_state()))
    doc = get_nlp()("GPT-3 has 175B parameters.")
    getter = state[2]["paperfacts_parameter_counts"][2]  # (token, span, doc) extensions; (default, method, getter, setter)
    assert "paperfacts_fact" in state[1]
    assert getter(doc)[0]["value"] == 175_000_000_000
