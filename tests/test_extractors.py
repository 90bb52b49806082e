"""Table-driven tests of each extractor on sentences, grouped by fact kind and origin."""

import pytest

from paperfacts import extract


def counts(text, field):
    return sorted(c.value for c in getattr(extract(text), field))


PARAMETER_COUNTS = [
    # unit words
    ("GLM-130B is a model with 130 billion parameters.", [130_000_000_000]),
    ("GPT-3 has 175B parameters.", [175_000_000_000]),
    ("a 175B-parameter model", [175_000_000_000]),
    ("we train 1.2b parameter models", [1_200_000_000]),
    ("only 45.4M trainable parameters", [45_400_000]),
    ("with one billion parameters", [1_000_000_000]),
    # lists and ranges share the unit after the last member
    ("models with 7B and 72B parameters", [7_000_000_000, 72_000_000_000]),
    ("model scales (600M to 8B parameters)", [600_000_000, 8_000_000_000]),
    ("from 125M to 1.3B parameters", [125_000_000, 1_300_000_000]),
    ("1M~60M parameters", [1_000_000, 60_000_000]),
    ("1B, 3B, and 7B parameters", [1_000_000_000, 3_000_000_000, 7_000_000_000]),
    # bounds keep their number
    ("up to 20B parameters", [20_000_000_000]),
    ("<1M parameters", [1_000_000]),
    ("over 1T parameters", [1_000_000_000_000]),
    # bare sizes with a model noun or beside a model name
    ("a 1.6B language model", [1_600_000_000]),
    ("7B and 13B models", [7_000_000_000, 13_000_000_000]),
    ("the 70B variant", [70_000_000_000]),
    ("LLaMA 7B outperforms", [7_000_000_000]),
    ("outperforming 175B GPT-3", [175_000_000_000]),
    ("a parameter count of only 7B or 13B", [7_000_000_000, 13_000_000_000]),
    # no number, fused sizes, fractions and other things: no count
    ("billions of parameters", []),
    ("hundreds of millions of parameters", []),
    ("GLM-130B and CodeFuse-13B", []),
    ("1.7% trainable parameters", []),
    ("a 40M tweet dataset", []),
    ("less than 1B training data", []),
    ("300B tokens", []),
    ("BERT with 1M steps", []),
]


@pytest.mark.parametrize("text, expected", PARAMETER_COUNTS)
def test_parameter_counts(text, expected):
    assert counts(text, "parameter_counts") == expected


TOKEN_COUNTS = [
    ("trained on 300B tokens", [300_000_000_000]),
    ("3.1 trillion tokens", [3_100_000_000_000]),
    ("a 2T-token corpus", [2_000_000_000_000]),
    ("0.5M tokens", [500_000]),
    ("1,200 billion tokens", [1_200_000_000_000]),
    ("800 billion Chinese tokens", [800_000_000_000]),
    ("25b randomly selected tokens", [25_000_000_000]),
    ("between 100B and 300B tokens", [100_000_000_000, 300_000_000_000]),
    # context lengths, vocabularies and other units are not token counts
    ("a context window of 32K tokens", []),
    ("an 8K context", []),
    ("2K and 16K context windows", []),
    ("a vocabulary of 250K tokens", []),
    ("24 million web pages", []),
    ("5 million images", []),
]


@pytest.mark.parametrize("text, expected", TOKEN_COUNTS)
def test_token_counts(text, expected):
    assert counts(text, "token_counts") == expected


def test_count_links_to_its_model():
    record = extract("We introduce CT-LLM, a 2B large language model. UL2 20B beats 175B GPT-3.")
    links = {c.text: c.model for c in record.parameter_counts}
    assert links == {"2B": "CT-LLM", "20B": "UL2 20B", "175B": "GPT-3"}


@pytest.mark.parametrize("text, model", [
    ("the GPT-3 model with 175 billion parameters", "GPT-3"),
    ("PanGu-alpha, with up to 200 billion parameters", "PanGu-alpha"),
    ("Our results on GPT-3 show that models with 175 billion parameters and more", None),
])
def test_count_links_to_the_model_that_has_it(text, model):
    (count,) = extract(text).parameter_counts
    assert count.model == model


LINKS_FROM_THE_SENTENCE = [
    # the model noun the size describes is named right after it
    (None, "By open-sourcing the data and the 2B-size Chinese Tiny LLM (CT-LLM), we aim to foster research.",
     {"2B": "CT-LLM"}),
    (None, "We continue pre-training a 3-billion-parameter model known as OpenLLaMA on Portuguese text.",
     {"3-billion-parameter": "OpenLLaMA"}),
    (None, "Mistral 7B outperforms the best open 13B model (Llama 2) on all benchmarks.",
     {"7B": "Mistral 7B", "13B": "Llama 2"}),
    # an appositive that describes the model, and every member of its list or range
    (None, "We build on LLaMA, a family of foundation language models ranging from 7B to 65B parameters.",
     {"7B": "LLaMA", "65B parameters": "LLaMA"}),
    (None, "Specifically, we train GPT-3, an autoregressive language model with 175 billion parameters.",
     {"175 billion parameters": "GPT-3"}),
    # "our model" is the paper's own model: the title's "X:" or the one the text introduces
    ("UL2: Unifying Language Learning Paradigms", "By scaling our model up to 20B parameters, we achieve SOTA results.",
     {"20B parameters": "UL2"}),
    (None, "We present Zorblax, a family of open language models. Our largest 70B model rivals GPT-4.",
     {"70B": "Zorblax"}),
    ("ViTAEv2: Vision Transformer Advanced by Exploring Inductive Bias",
     "Besides, we scale up our ViTAE model to 644M parameters.", {"644M parameters": "ViTAE"}),
    # the paper's own model (or a sized variant of it) as the only model of the sentence
    ("UL2: Unifying Language Learning Paradigms",
     "UL2 20B also works well with chain-of-thought prompting at a small to medium scale of 20B parameters.",
     {"20B": "UL2 20B", "20B parameters": "UL2 20B"}),
    (None, "We present Zorblax, a small language model. With only 1.3B parameters, Zorblax runs on a phone.",
     {"1.3B parameters": "Zorblax"}),
    # no link: a size with no name, or a paper with no model of its own
    (None, "For instance, a 1.6B language model trained with MeCo matches the baseline.", {"1.6B": None}),
    ("InfiMM-WebMath-40B: Advancing Multimodal Pre-Training",
     "Our dataset enhances the performance of our 1.3B model, delivering results comparable to DeepSeekMath-1.3B.",
     {"1.3B": None}),
    (None, "KIND lowers FID on DiT-L/2, utilizing only 45.4M trainable parameters.", {"45.4M trainable parameters": None}),
    # no link: the count belongs to other models, a part, a teacher or a bare model noun of its own
    (None, "We present Zorblax, a 7B language model. Zorblax outperforms models with up to 70B parameters.",
     {"7B": "Zorblax", "70B parameters": None}),
    (None, "We present Zorblax, a small language model. It is better than Zorblax with 7B parameters.",
     {"7B parameters": None}),
    (None, "We present Zorblax, a mixture-of-experts language model that has 8 experts with 7B parameters each.",
     {"7B parameters": None}),
    (None, "We present Zorblax, a small language model. Zorblax is trained on data from models with 70B parameters.",
     {"70B parameters": None}),
    (None, "We present Zorblax, a small language model. Zorblax learns from labels of a 70B-parameter teacher.",
     {"70B-parameter": None}),
    (None, "We present Zorblax, a small vision model. Fine-tuning Zorblax updates only 2M trainable parameters.",
     {"2M trainable parameters": None}),
    (None, "We present Zorblax, a small language model. We initialize Zorblax from a 1B model trained on 100B tokens.",
     {"1B": None}),
    ("Zorblax: A Small Language Model", "Our 70B teacher model is trained on 2T tokens.", {"70B": None}),
    # a phrase put before the subject is the subject's, whatever else the sentence names
    (None, "We present Zorblax, a small language model. With 7B parameters, Zorblax rivals LLaMA-2 on MMLU.",
     {"7B parameters": "Zorblax"}),
    # no link: a size in the name that is not the count
    (None, "We present Zorblax-7B, an open language model. Zorblax-7B scales to 13B parameters by upscaling.",
     {"13B parameters": None}),
]


@pytest.mark.parametrize("title, text, links", LINKS_FROM_THE_SENTENCE)
def test_count_links_through_its_sentence(title, text, links):
    record = extract(text, title=title)
    assert {c.text: c.model for c in record.parameter_counts} == links


def test_model_size_is_read_from_the_name():
    record = extract("We compare GLM-130B, Qwen2.5-72B-Instruct, Mixtral 8x7B, ResNet-50 and Pythia 410M.")
    sizes = {m.name: m.size for m in record.models}
    assert sizes == {"GLM-130B": 130_000_000_000, "Qwen2.5-72B-Instruct": 72_000_000_000, "Mixtral 8x7B": None,
                     "ResNet-50": None, "Pythia 410M": 410_000_000}
    assert [c.text for c in record.parameter_counts] == ["410M"]  # a fused size is not a count; a spaced one is


MODELS = [
    ("We compare GPT-3, GPT-4o-mini and LLaMA-2-7B.", {"GPT-3", "GPT-4o-mini", "LLaMA-2-7B"}),
    ("Llama 3.1 and Qwen2.5-72B-Instruct", {"Llama 3.1", "Qwen2.5-72B-Instruct"}),
    ("ViT-B/16 and ResNet-50 backbones", {"ViT-B/16", "ResNet-50"}),
    ("mT5, XLM-R and wav2vec 2.0", {"mT5", "XLM-R", "wav2vec 2.0"}),
    ("BERT's embeddings", {"BERT"}),
    ("FLAN-PaLM 62B and GPT-3 XL", {"FLAN-PaLM 62B", "GPT-3 XL"}),
    ("We introduce ContraBERT and MiniGPT-4.", {"ContraBERT", "MiniGPT-4"}),
    ("XLM-RoBERTa (XLM-R) is strong.", {"XLM-R"}),
    ("We present Zorblax, a 7B language model.", {"Zorblax"}),
    # generic classes and methods are not models
    ("LLMs, a Transformer and an LSTM trained with LoRA and Adam via DPO", set()),
    ("We propose Quibble, a framework for data selection.", set()),
    ("on ImageNet and CIFAR-100", set()),
]


@pytest.mark.parametrize("text, expected", MODELS)
def test_models(text, expected):
    assert {m.name for m in extract(text).models} == expected


BENCHMARKS = [
    ("We evaluate on MMLU, GSM8K and HumanEval.", {"MMLU", "GSM8K", "HumanEval"}, set()),
    ("accuracy on ImageNet-1K and CIFAR-100", {"ImageNet-1K", "CIFAR-100"}, set()),
    ("We introduce MVBench and the CodeFuseEval suite.", {"MVBench", "CodeFuseEval"}, set()),
    ("pre-trained on The Pile and C4", set(), {"The Pile", "C4"}),
    ("Chinese Hard Case Benchmark (CHC-Bench)", {"CHC-Bench"}, set()),
    ("benchmarks such as Winogrande, Hellaswag, arc, boolq and piqa", {"Winogrande", "Hellaswag", "arc", "boolq", "piqa"}, set()),
    ("on Split CIFAR-100 and Permuted MNIST", {"Split CIFAR-100", "Permuted MNIST"}, set()),
    ("we split the data and an arc of the story", set(), set()),
    ("question answering and downstream tasks on six benchmarks", set(), set()),
]


@pytest.mark.parametrize("text, benchmarks, datasets", BENCHMARKS)
def test_benchmarks_and_datasets(text, benchmarks, datasets):
    record = extract(text)
    assert {b.name for b in record.benchmarks} == benchmarks
    assert {d.name for d in record.datasets} == datasets


SCORES = [
    ("It reaches 88.53% on CIFAR-100.", [(88.53, "%", "absolute")]),
    ("It achieves 58.1\\% accuracy.", [(58.1, "%", "absolute")]),
    ("improves accuracy by 3.6%", [(3.6, "%", "delta")]),
    ("from 35.6% to 46.7%", [(35.6, "%", "absolute"), (46.7, "%", "absolute")]),
    ("a gain of +113 points on OCRBench", [(113.0, "points", "delta")]),
    ("5 percentage points higher", [(5.0, "points", "delta")]),
    ("47 F1 points", [(47.0, "points", "delta")]),
    ("an average score of 91.3 on SuperGLUE", [(91.3, None, "absolute")]),
    ("+8.81 on average", [(8.81, None, "delta")]),
    ("3%sim20% improvements", [(3.0, "%", "delta"), (20.0, "%", "delta")]),
    # not scores: efficiency, data fractions, hyper-parameters, years
    ("2.5x faster with 40% less memory", []),
    ("using 33% less data", []),
    ("with a 30% masking ratio", []),
    ("only 25% of the training compute", []),
    ("in 2023 we released it", []),
]


@pytest.mark.parametrize("text, expected", SCORES)
def test_scores(text, expected):
    assert [(s.value, s.unit, s.kind) for s in extract(text).scores] == expected


def test_score_takes_the_benchmark_it_is_measured_on():
    record = extract("state-of-the-art results (75.5% EX on Spider, 52.6% IEX on SParC).")
    assert [(s.value, s.benchmark) for s in record.scores] == [(75.5, "Spider"), (52.6, "SParC")]


def test_respectively_pairs_scores_with_benchmarks():
    record = extract("It improves by 49.76%, 50.05% and 44.69% on CIFAR-100, ImageNet-R and CUB-200, respectively.")
    assert [(s.value, s.kind, s.benchmark) for s in record.scores] == [
        (49.76, "delta", "CIFAR-100"), (50.05, "delta", "ImageNet-R"), (44.69, "delta", "CUB-200")]


def test_score_links_metric_and_benchmark():
    (s,) = extract("CodeFuse-13B reaches a pass@1 of 37.10% on HumanEval.").scores
    assert (s.metric, s.benchmark, s.model) == ("pass@1", "HumanEval", "CodeFuse-13B")


URLS = [
    ("Code: https://github.com/THUDM/GLM-130B.", [("https://github.com/THUDM/GLM-130B", "code")]),
    ("see github.com/org/repo", [("https://github.com/org/repo", "code")]),
    ("weights at~https://huggingface.co/org/model", [("https://huggingface.co/org/model", "model")]),
    ("(https://hf.co/datasets/a/b)", [("https://hf.co/datasets/a/b", "dataset")]),
    ("demo: https://huggingface.co/spaces/a/b;", [("https://huggingface.co/spaces/a/b", "demo")]),
    ("project page: https://foo.github.io/bar/", [("https://foo.github.io/bar/", "project")]),
    ("Code is available at this https URL", []),
]


@pytest.mark.parametrize("text, expected", URLS)
def test_urls(text, expected):
    assert [(u.url, u.kind) for u in extract(text).urls] == expected


@pytest.mark.parametrize("title, expected", [
    ("JiuZhang 2.0: A Unified Chinese Pre-trained Language Model for Maths", {"JiuZhang 2.0"}),
    ("CLIN-X: pre-trained language models and a study on transfer", {"CLIN-X"}),
    ("PELA: Learning Parameter-Efficient Models with Low-Rank Approximation", set()),
    ("KIND: Knowledge Integration and Diversion in Diffusion Models", set()),
    ("OFAX: A Framework for Initializing Embeddings of Language Models", set()),
    # a model noun joined by a hyphen to the next word names X's kind only where the phrase still ends in one
    ("ZARQ: A Zero-Shot LLM-as-a-Judge Framework for Report Evaluation", set()),
    ("VORTA: An LLM-Powered Multi-Agent Collaborative Recommendation with Memory", set()),
    ("QDocNet: Decoder-only Transformer for Handwriting Recognition", {"QDocNet"}),
    ("TriSeg: A Deep Encoder-Decoder Architecture for Cell Segmentation", {"TriSeg"}),
    (r"VidTinT: Visual-Linguistic Transformer-in-Transformer \\ for Captioning", {"VidTinT"}),
])
def test_title_prefix_described_as_a_model(title, expected):
    assert {m.name for m in extract("We study it.", title=title).models} == expected


def test_title_offsets_index_the_title():
    title, abstract = "GPT-4 Is Here", "We study GPT-4 and BERT."
    record = extract(abstract, title=title)
    for model in record.models:
        for ev in model.evidence:
            source = title if ev.field == "title" else abstract
            assert source[ev.start : ev.end] == ev.text
    assert {ev.field for m in record.models for ev in m.evidence} == {"title", "abstract"}


@pytest.mark.parametrize("title, abstract, field, name", [
    # arXiv LaTeX sources: a paper's own name is often set in bold or italics
    (None, r"We introduce \textbf{MobileIAR}, a dataset of 20K images for action recognition.", "datasets", "MobileIAR"),
    (None, r"\textbf{ZorbLM} is a 7B language model trained on 2T tokens.", "models", "ZorbLM"),
    (r"\emph{ZorbLM}: Small Models", r"We present \textit{ZorbLM}, a 7B language model.", "models", "ZorbLM"),
])
def test_latex_formatting_is_read_as_the_text_it_formats(title, abstract, field, name):
    """``\\textbf{X}`` reads ``X``; the evidence quotes ``X`` where it stands in the field as given."""
    record = extract(abstract, title=title)
    (fact,) = [f for f in getattr(record, field) if f.name == name]
    for ev in fact.evidence:
        source = title if ev.field == "title" else abstract
        assert source[ev.start : ev.end] == ev.text == name
    if field == "models":
        assert [(c.value, c.model) for c in record.parameter_counts] == [(7_000_000_000, name)]


@pytest.mark.parametrize("given, read", [
    (r"Fr\'echet", "Fréchet"), (r"Fr\'{e}chet", "Fréchet"), (r"d{\'e}j{\`a} vu", "déjà vu"),
    (r'G\"odel', "Gödel"), (r"Fran\c{c}ois", "François"), (r"\v{C}ern\'{y}", "Černý"),
    # no letter after the accent, or a command that is no accent: kept as given
    (r"f\'(x) \cite{a} \vec{x} \verb", r"f\'(x) \cite{a} \vec{x} \verb"),
])
def test_latex_accents_read_as_the_accented_letter(given, read):
    from paperfacts.normalize.text import original_offset, plain

    text, shifts = plain(given)
    assert text == read
    assert given[original_offset(shifts, len(text)) :] == ""  # the end maps to the end


def test_a_metric_written_with_latex_accents_names_no_model():
    record = extract(r"Our model lowers the Fr\'echet Inception Distance and the Fr\'{e}chet Inception Distance of the baseline.")
    assert [m.name for m in record.models] == []


def test_no_fact_spans_the_title_abstract_break():
    record = extract("PARAM", title="1B")
    assert record.parameter_counts == []


def test_ids_are_given_or_stable_hashes():
    assert extract("x", id="paper-1").id == "paper-1"
    assert extract("x", title="t").id == extract("x", title="t").id != extract("x", title="u").id


def test_facts_inside_any_link_are_left_out_even_past_a_nested_link():
    import spacy

    from paperfacts.extractors import outside_links, write_facts

    text = "see https://a.io/x/GPT-4/y and GPT-4 and https://b.io/GPT-4 then GPT-4"
    doc = spacy.blank("en")(text)
    links = [(4, 26), (8, 12), (41, 59)]  # the second lies inside the first and ends before it
    write_facts(doc, "url", [{"start": a, "end": b} for a, b in links])
    facts = [{"start": i, "end": i + 5} for i in range(len(text)) if text.startswith("GPT-4", i)]
    kept = outside_links(doc, facts)
    assert [f["start"] for f in kept] == [31, 65]
