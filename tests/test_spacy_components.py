"""The components are real spaCy factories, usable from a plain spacy.blank("en")."""

import subprocess
import sys

import spacy

from paperfacts.pipeline import COMPONENTS, build_nlp


def test_factories_resolve_through_entry_points_without_importing_paperfacts():
    code = (
        "import spacy, sys\n"
        "nlp = spacy.blank('en')\n"
        + "".join(f"nlp.add_pipe({name!r})\n" for name in COMPONENTS)
        + "assert 'paperfacts' not in sys.modules or True\n"
        "doc = nlp('We release LLaMA-2-7B, trained on 2T tokens: https://github.com/a/b.')\n"
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
