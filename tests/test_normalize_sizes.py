"""Table-driven tests for the size a model's name gives (``Model.size``), grouped by name shape."""

import pytest

from paperfacts.normalize.sizes import model_size

SIZE_CASES = [
    # A size after a hyphen, as model cards and abstracts write names
    ("GLM-130B", 130_000_000_000),
    ("CodeFuse-13B", 13_000_000_000),
    ("LLaMA-2-7B", 7_000_000_000),
    ("Qwen2.5-72B-Instruct", 72_000_000_000),
    ("DeepSeekMath-1.3B", 1_300_000_000),
    ("NLLB-54B", 54_000_000_000),
    ("GLM-4-9B", 9_000_000_000),
    ("xGen-MM-4B", 4_000_000_000),
    ("Megatron-Turing NLG 530B", 530_000_000_000),
    ("OPT-6.7B", 6_700_000_000),
    ("MobileLLM-125M", 125_000_000),
    ("Llama-2-7B-32K", 7_000_000_000),  # the K size is a context length
    ("Qwen3-235B-A22B", 235_000_000_000),  # total, not the activated A22B
    # A spaced size, and lower-case letters
    ("Pythia 410M", 410_000_000),
    ("LLaMA 7B", 7_000_000_000),
    ("UL2 20B", 20_000_000_000),
    ("pythia-410m", 410_000_000),
    # a hub's decimal around the letter or as an underscore (BigScience's bloom-7b1 is 7.1B; Qwen-1_8B)
    ("bloomz-7b1", 7_100_000_000),
    ("bloom-1b7", 1_700_000_000),
    ("Qwen-1_8B", 1_800_000_000),
    ("LLaMA_2_7B", 7_000_000_000),  # underscores that separate parts
    ("t5-3b", 3_000_000_000),
    ("Switch-C 1.6T", 1_600_000_000_000),
    # A number that is a depth, patch size, version or variant: no size
    ("ViT-B/16", None),
    ("ResNet-50", None),
    ("GPT-4o", None),
    ("GPT-3 XL", None),
    ("T5-XXL", None),
    ("EfficientNet-B7", None),
    ("Llama 3.1", None),
    ("BERT", None),
    # Experts, activated parameters and context lengths: no size
    ("Mixtral 8x7B", None),
    ("Mixtral-8x7B-Instruct", None),
    ("AquilaMoE 8*16B", None),
    ("Qwen1.5-MoE-A2.7B", None),
    ("Phi-3-mini-4k", None),
    ("gpt-3.5-turbo-16k", None),
    ("RS5M", None),
    # Two different sizes: unclear which is the model's
    ("Model-7B-13B", None),
    ("Model 7B/13B", None),
    ("", None),
]


@pytest.mark.parametrize("name, expected", SIZE_CASES)
def test_model_size(name, expected):
    assert model_size(name) == expected


@pytest.mark.parametrize("bad", [None, 7, 7.0, b"GLM-130B", ["GLM-130B"], "GLM-" + "9" * 300 + "B"])
def test_non_strings_and_junk_give_none(bad):
    assert model_size(bad) is None
