"""Benchmark and dataset names read from their shape and context (issue 15), one case per rule."""

import pytest

from paperfacts import extract

CASES = [
    # (title, abstract, {benchmark: rule}, {dataset: rule})
    ("MoralityGym: A Benchmark for Evaluating Moral Alignment", "We study agents.",
     {"MoralityGym": "benchmark.title"}, {}),
    ("RoboCorpusX: A Large-Scale Dataset for Robot Manipulation", "We train a policy on RoboCorpusX and release it.",
     {}, {"RoboCorpusX": "dataset.title"}),
    (None, "We demonstrate it on the ICU-Sepsis MDP, a benchmark derived from 17,000 patients.",
     {"ICU-Sepsis MDP": "benchmark.apposition"}, {}),
    (None, "We create a custom training dataset, ToxicPile, which is composed of texts.",
     {}, {"ToxicPile": "dataset.apposition"}),
    (None, "Experiments on Gemma2 and Qwen3 across CounterFact, ZsRE and WikiFactDiff show gains in accuracy.",
     {"CounterFact": "benchmark.on", "ZsRE": "benchmark.on", "WikiFactDiff": "benchmark.on"}, {}),
    (None, "It achieves competitive results on OCRBench, CCOCR, DocVQA, and ChartQA.",
     {"OCRBench": "benchmark.on", "CCOCR": "benchmark.on", "DocVQA": "benchmark.on", "ChartQA": "benchmark.on"}, {}),
    (None, "Results on MMStar, RefCOCO, and ReasonSeg show consistent gains.",
     {"MMStar": "benchmark.on", "RefCOCO": "benchmark.on", "ReasonSeg": "benchmark.on"}, {}),
    (None, "It achieves 93.1 on OmniDocBench v1.5, AIME 24/25 and HMMT 25.",
     {"OmniDocBench v1.5": "benchmark.on", "AIME 24/25": "benchmark.on", "HMMT 25": "benchmark.on"}, {}),
    (None, "We report gains on MME-RealWorld-Lite and BrowseComp-Plus.",
     {"MME-RealWorld-Lite": "benchmark.on", "BrowseComp-Plus": "benchmark.on"}, {}),
    (None, "We constructed SpaVis-6M, the largest spatial transcriptomics dataset, and trained an encoder on this resource.",
     {}, {"SpaVis-6M": "dataset.cue"}),
    (None, "Models pretrained from scratch on the C4 dataset reach an average GLUE score of 79.6.",
     {"GLUE": "benchmark.gazetteer"}, {"C4": "dataset.cue"}),
    (None, "Evaluated on the Dolphins benchmark, our model improves by 4.89%.",
     {"Dolphins": "benchmark.cue"}, {}),
    (None, "Gains hold on out-of-domain tasks and knowledge-intensive tasks (KILT).", {"KILT": "benchmark.list"}, {}),
    # not benchmarks: an acronym spelled out in ordinary words, a method, the paper's own method name
    (None, "Context-aware emotion recognition (CAER) enhances affective computing.", {}, {}),
    (None, "This paper proposes a Dynamic Parameter Memory (DPM) mechanism for long sequences.", {}, {}),
    ("UniQA: Unified Vision-Language Pre-training for Image Quality Assessment", "We present UniQA.", {}, {}),
    (None, "Experiments on synthetic and real low-field brain MRI datasets show gains.", {}, {}),
    (None, "This work introduces tasks such as DEM estimation, void filling, and updating.", {}, {}),
]


@pytest.mark.parametrize("title, abstract, benchmarks, datasets", CASES)
def test_corpus_names_and_rules(title, abstract, benchmarks, datasets):
    record = extract(abstract, title=title)
    assert {b.name: b.rule for b in record.benchmarks} == benchmarks
    assert {d.name: d.rule for d in record.datasets} == datasets
