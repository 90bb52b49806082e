"""Table-driven tests of the count forms of issue 16 and of each link rule, each with its negative.

Each row names the rule it exercises; ``rule`` on a linked count is ``<count rule>+<link rule>``.
"""

import pytest

from paperfacts import extract


def found(text, title=None):
    record = extract(text, title=title)
    return ({c.text: c.value for c in record.parameter_counts}, {c.text: c.value for c in record.token_counts})


B = 1_000_000_000

COUNT_FORMS = [
    # rule parameter_count.unit / token_count.unit: "of" after a magnitude word, plural scale words
    ("The model is trained on 2.5 trillion of tokens.", {}, {"2.5 trillion of tokens": 2_500 * B}),
    ("the models are pre-trained on ten trillions of tokens", {}, {"ten trillions of tokens": 10_000 * B}),
    ("trained on trillions of tokens", {}, {}),  # no number, no count
    # a pair of names joined by "and" between the count and its unit
    ("It is trained on over two trillion Chinese and English tokens.", {}, {"two trillion Chinese and English tokens": 2_000 * B}),
    ("we collect 1B images and text tokens", {}, {}),  # lower-case words are not a name pair
    # the same count again in brackets is one count; the list goes on after it
    ("We release 7 billion (7B) and 13 billion (13B) parameter sizes.", {"7 billion (7B)": 7 * B, "13 billion (13B) parameter": 13 * B}, {}),
    ("a 7 billion (13B) parameter model", {}, {}),  # a different number is no echo: neither has the unit
    # a qualifier inside a range
    ("models ranging from 60 million to over 12 billion parameters", {"60 million": 60_000_000, "12 billion parameters": 12 * B}, {}),
    # a number before "to N billion" shares its magnitude word
    ("ranging in scale from 1 to 27 billion parameters", {"1": B, "27 billion parameters": 27 * B}, {}),
    ("trained on between 2 and 3 trillion tokens", {}, {"2": 2_000 * B, "3 trillion tokens": 3_000 * B}),
    ("up to 3 or 7 billion parameters", {"7 billion parameters": 7 * B}, {}),  # no "from"/"between": no range
    ("from 30 to 7 billion parameters", {"7 billion parameters": 7 * B}, {}),  # a larger number is no lower bound
    # a bare number before a dash shares the magnitude of the count after it (current arXiv forms)
    ("all tested LLMs (7-12B parameters) lag behind", {"7": 7 * B, "12B parameters": 12 * B}, {}),
    ("Compact VLMs of 2--4B parameters run on devices.", {"2": 2 * B, "4B parameters": 4 * B}, {}),
    ("a suite of language models with 0.5-3.7 billion parameters", {"0.5": B // 2, "3.7 billion parameters": 3_700_000_000}, {}),
    ("Our conversion requires only 350-700M tokens.", {}, {"350": 350_000_000, "700M tokens": 700_000_000}),
    ("we pretrain language models (7-13B) from scratch", {"7": 7 * B, "13B": 13 * B}, {}),
    ("We evaluate Llama 3-8B and Qwen 2.5-7B.", {}, {}),  # the version of a name is no range
    ("We evaluate Qwen~2--7B on code.", {}, {}),  # after LaTeX's "~" too
    ("the 10-2B split with 10-2B parameters", {}, {}),  # a larger first number is no range
    # a LaTeX double hyphen between two sizes
    ("transformers (117M--7B parameters) and models (4B--671B parameters)",
     {"117M": 117_000_000, "7B parameters": 7 * B, "4B": 4 * B, "671B parameters": 671 * B}, {}),
    # a magnitude letter standing apart: a count only with its unit
    ("Using 10.5 M parameters, our model is small.", {"10.5 M parameters": 10_500_000}, {}),
    ("We sweep a 0.6 B-parameter transducer.", {"0.6 B-parameter": 600_000_000}, {}),
    ("We report 5 M steps and 3 B images.", {}, {}),
    ("We compare Model 1 B and Model 2 M.", {}, {}),
    # a number after a LaTeX relation ("$\sim$", "$<$"); not after a dollar sign
    ("It stays efficient ($\\sim$11.1M parameters).", {"11.1M parameters": 11_100_000}, {}),
    ("Above $\\approx$1B parameters, it changes.", {"1B parameters": B}, {}),
    ("ultra-small models, with $<$1M parameters", {"1M parameters": 1_000_000}, {}),
    ("it adds only ${\\sim}$21.7M trainable parameters", {"21.7M trainable parameters": 21_700_000}, {}),
    ("It costs $3B dollars.", {}, {}),
    # a hard wrap inside a count or between a count and its unit
    ("Some wrapped text, then trained on 300B\ntokens of text.", {}, {"300B\ntokens": 300 * B}),
    ("Some wrapped text, then trained on 1.2\nmillion tokens of text.", {}, {"1.2\nmillion tokens": 1_200_000}),
    # rule parameter_count.model_paren: bare sizes in brackets after a model noun or name
    ("we pretrain language models (1B-8B) from scratch", {"1B": B, "8B": 8 * B}, {}),
    ("we pretrain language models (1B/3B/8B) from scratch", {"1B": B, "3B": 3 * B, "8B": 8 * B}, {}),
    ("results on the test split (1B/3B/8B)", {}, {}),  # a bracket after an ordinary noun
    ("LLaMA-2-7B and GLM-130B", {}, {}),  # a size fused into a name after a hyphen is still no count
    # rule parameter_count.at_size: a bare size after "at"
    ("This advantage reverses at 70B, where Raw JSON is best.", {"70B": 70 * B}, {}),
    ("models at 8B, 62B, and 540B scale", {"8B": 8 * B, "62B": 62 * B, "540B": 540 * B}, {}),
    ("we train for 1B steps and evaluate at 1B tokens", {}, {"1B tokens": B}),
    ("we stop at 1B steps", {}, {}),
    # rule parameter_count.size_cue: "comes in"
    ("Falcon is open source and comes in 9B and 40B.", {"9B": 9 * B, "40B": 40 * B}, {}),
    ("model sizes from 4B to 30B show that it works", {"4B": 4 * B, "30B": 30 * B}, {}),
    # ... not when a plural noun after the size says what it counts
    ("and at scales up to 7M training samples, it improves", {}, {}),
    ("a large-scale dataset of 20M QA pairs", {}, {}),
    ("a large-scale dataset of $\\textbf{5.7M}$ PubMed structured abstracts", {}, {}),
    ("a lightweight model (1.3M parameters, 336M MACs)", {"1.3M parameters": 1_300_000}, {}),
    ("model sizes up to 7B with better results", {"7B": 7 * B}, {}),  # a function word: the noun is not the size's
    # rule parameter_count.plain: a whole number of parameters with no magnitude
    ("a transformer with 564,103 parameters", {"564,103 parameters": 564_103}, {}),
    ("by optimizing only 200 trainable parameters", {"200 trainable parameters": 200}, {}),
    ("it adds +1,536 parameters to 12 parameters and 1.5 parameters", {}, {}),
    ("tuning 3 hyperparameters and 1,000 hyperparameters", {}, {}),
    # a size word after the model name
    ("We use BERT-large 340M parameters.", {"340M parameters": 340_000_000}, {}),
    ("We fine-tuned a 1B model using Parameter-Efficient Fine-Tuning.", {"1B": B}, {}),  # the unit is no hyphenated compound
    # an agent is a model with a size ("8B-scale deep research agents", "a 20B search agent")
    ("Our system outperforms 8B-scale deep research agents on BrowseComp.", {"8B": 8 * B}, {}),
    ("We introduce Harness-1, a 20B search agent trained with RL.", {"20B": 20 * B}, {}),
    # sizes after "models from" (no unit noun after them), or after a bound in a model noun's bracket
    ("Across models from 3B to 30B, Zorb-GRPO improves success.", {"3B": 3 * B, "30B": 30 * B}, {}),
    ("on various language models ranging from 1.5B to 9B across three families", {"1.5B": 1.5 * B, "9B": 9 * B}, {}),
    ("from a large frozen teacher model (>100M) to a lightweight student model (<15M)",
     {"100M": 100_000_000, "15M": 15_000_000}, {}),
    # a list of sizes that goes on from the size in a name (GUIDELINES.md's own example)
    ("Experiments on LLaMA 7B, 13B and 65B show gains.", {"7B": 7 * B, "13B": 13 * B, "65B": 65 * B}, {}),
    ("models (fine-tuned on LLaMA-2\n7B and 13B) with up to 133x", {"7B": 7 * B, "13B": 13 * B}, {}),
]


@pytest.mark.parametrize("text, params, tokens", COUNT_FORMS)
def test_count_forms(text, params, tokens):
    assert found(text) == (params, tokens)


CONTEXT_LENGTHS = [
    # a small token amount in a sentence about context is a context length
    ("It is first trained on 8k tokens, then extended to 64k tokens.", {}),
    ("Our model can recall up to 2M tokens.", {}),
    ("over 10,000 long-form videos paired with captions, totaling 5M tokens", {"5M tokens": 5_000_000}),  # a compound is no cue
    ("We fine-tune on 10B tokens with a context length of 4K tokens.", {"10B tokens": 10 * B}),  # a large amount is data
    ("a batch size (0.5M tokens) and a context size (2,048 tokens)", {"0.5M tokens": 500_000}),  # a batch is data
    ("We train on 0.5M tokens of 200 video sequences.", {"0.5M tokens": 500_000}),  # "sequences" alone is no cue
    ("on short (237 tokens) and long (5K-10K tokens) documents", {}),  # document lengths
    # a retrieval store is not training data
    ("RETRO uses a retrieval database of 2 trillion tokens.", {}),
    ("a datastore of 1.4 trillion tokens", {}),
    ("We pretrain on 1.4 trillion tokens and evaluate retrieval.", {"1.4 trillion tokens": 1_400 * B}),
]


@pytest.mark.parametrize("text, tokens", CONTEXT_LENGTHS)
def test_context_lengths_and_retrieval_stores_are_not_token_counts(text, tokens):
    assert found(text)[1] == tokens


def links(text, title=None):
    record = extract(text, title=title)
    return {c.text: (c.model, c.rule.partition("+")[2] or None) for c in record.parameter_counts}


LINKS = [
    # count.has: a model (or its model noun) that has the size; a list shares it
    ("We train Falcon models with 1B, 3B, and 8B parameters.",
     {"1B": ("Falcon", "count.has"), "3B": ("Falcon", "count.has"), "8B parameters": ("Falcon", "count.has")}),
    ("Falcon 2B is a 2 billion parameter model.",
     {"2B": ("Falcon 2B", "count.in_name"), "2 billion parameter": ("Falcon 2B", "count.has")}),
    ("Qwen2.5 at 0.5B and 7B, Gemma-2 at 2B and 9B",
     {"0.5B": ("Qwen2.5", "count.has"), "7B": ("Qwen2.5", "count.has"), "2B": ("Gemma-2", "count.has"), "9B": ("Gemma-2", "count.has")}),
    ("Falcon is better than models with 7B parameters.", {"7B parameters": (None, None)}),
    ("Falcon is available in two versions, with 0.5B and 8B parameters, respectively.",
     {"0.5B": ("Falcon", "count.owner_clause"), "8B parameters": ("Falcon", "count.owner_clause")}),  # its versions
    ("Parameter-Efficient Fine-Tuning of Qwen3 models (4B-32B) using QLoRA",
     {"4B": ("Qwen3", "count.has"), "32B": ("Qwen3", "count.has")}),
    ("Causal tracing on Falcon architectures (1B and 7B parameters) shows it.",  # the bracket of a plural noun
     {"1B": ("Falcon", "count.has"), "7B parameters": ("Falcon", "count.has")}),
    ("We probe Falcon checkpoints (160M to 12B parameters).",
     {"160M": ("Falcon", "count.has"), "12B parameters": ("Falcon", "count.has")}),
    ("We train Mistral, a family of small open-source Qwen models (3B and 8B).",
     {"3B": ("Mistral", "count.has"), "8B": ("Mistral", "count.has")}),
    # count.beside_name: right before a name, or before one that a bracket names again with the size
    ("We scale a 10B-parameter ViT (ViT-10B) on images.", {"10B-parameter": ("ViT-10B", "count.beside_name")}),
    ("the ~ 0.25B parameter Mistral model goes beyond two modalities", {"0.25B parameter": ("Mistral", "count.beside_name")}),
    ("Using a 0.2B BERT-based model, we see gains.", {"0.2B": (None, None)}),  # BERT only modifies "model"
    # sizes in brackets after a name are all that model's
    ("four families: Gemma 3 (270M, 1B, 4B), Qwen 3.5 (0.8B, 2B), and Aya (3.35B)",
     {"270M": ("Gemma 3", "count.beside_name"), "1B": ("Gemma 3", "count.beside_name"), "4B": ("Gemma 3", "count.beside_name"),
      "0.8B": ("Qwen 3.5", "count.beside_name"), "2B": ("Qwen 3.5", "count.beside_name"), "3.35B": ("Aya", "count.beside_name")}),
    ("UL2 20B and 175B GPT-3", {"20B": ("UL2 20B", "count.in_name"), "175B": ("GPT-3", "count.beside_name")}),
    # a range or size written for a list of models is none of theirs
    ("We validate this across Llama and Qwen models ranging from 1B to 8B parameters.",
     {"1B": (None, None), "8B parameters": (None, None)}),
    ("Probing 12 models across Gemma 3, Qwen 3, Qwen 2.5, and Llama 3.1 (270M to 27B), we find it.",
     {"270M": (None, None), "27B": (None, None)}),
    ("the model obtained from 70B Llama3-inst, Llama3-base, Llama3.1-base models attains it", {"70B": (None, None)}),
    # ... but a member's own: the others have sizes of their own
    ("We fine-tune Llama-2-7B-Chat and Qwen2.5-Instruct (1.5B and 3B parameters) on it.",
     {"1.5B": ("Qwen2.5-Instruct", "count.beside_name"), "3B parameters": ("Qwen2.5-Instruct", "count.beside_name")}),
    ("We fine-tune three small LLMs: Phi-3-mini (3.8B), Qwen2.5-3B, and Mistral-7B, via QLoRA.",
     {"3.8B": ("Phi-3-mini", "count.beside_name")}),
    # count.appositive: a description of the name before it, in commas or brackets
    ("This paper introduces Mistral, the first 2B-parameter multimodal small language model.",
     {"2B-parameter": ("Mistral", "count.appositive")}),
    ("Extensive experiments on LLaVA-3D (a 7B parameter 3D-LMM) demonstrate gains.",
     {"7B parameter": ("LLaVA-3D", "count.appositive")}),
    ("We train Judge for Reasoning (Mistral), a 7B judge trained with GRPO.", {"7B": ("Mistral", "count.appositive")}),
    ("We compare with GPT-4, which beats a 7B model.", {"7B": (None, None)}),
    ("We present SozKZ, a family of Llama-architecture language models (50M-600M parameters).",
     {"50M": ("SozKZ", "count.appositive"), "600M parameters": ("SozKZ", "count.appositive")}),
    # count.the_model: "the model" is the only model of the sentence, or the paper's own
    ("We fine-tune a DINOv2 Vision Transformer with LoRA, while training 1% of the model's 87.2M parameters.",
     {"87.2M parameters": ("DINOv2", "count.the_model")}),
    ("We compare DINOv2 and CLIP, training 1% of the model's 87.2M parameters.", {"87.2M parameters": (None, None)}),
    # count.owner_clause: the one model of the clause; a fronted phrase is the subject's
    ("Across model scales ranging from 135M to 1.7B parameters, Mistral forms a new Pareto frontier.",
     {"135M": ("Mistral", "count.owner_clause"), "1.7B parameters": ("Mistral", "count.owner_clause")}),
    ("For example, with a parameter budget of approximately one billion parameters, OpenELM exhibits a 2.36% gain over OLMo.",
     {"one billion parameters": ("OpenELM", "count.owner_clause")}),
    ("Falcon is open source and comes in 9B and 40B.", {"9B": ("Falcon", "count.owner_clause"), "40B": ("Falcon", "count.owner_clause")}),
    ("Even at 70B, the model lags behind GPT-4.", {"70B": (None, None)}),
    ("The Falcon series offers a spectrum of model sizes (7B, 40B) for many tasks.",
     {"7B": ("Falcon", "count.owner_clause"), "40B": ("Falcon", "count.owner_clause")}),
    ("Mistral outperforms models with up to 70B parameters.", {"70B parameters": (None, None)}),
    ("Lightweight models such as TinierHAR (34K parameters) and TinyNet (55K parameters) do well.",
     {"34K parameters": ("TinierHAR", "count.beside_name"), "55K parameters": ("TinyNet", "count.beside_name")}),
    # a name not read as a model owns nothing
    ("Lightweight models such as TinierHAR (34K parameters) and Qorvel (55K parameters) do well.",
     {"34K parameters": ("TinierHAR", "count.beside_name"), "55K parameters": (None, None)}),
    ("We evaluate six multilingual LLMs (0.5B-9B parameters) and GPT-4 on MedEV.",
     {"0.5B": (None, None), "9B parameters": (None, None)}),
    ("Mistral reaches 60% while Falcon uses 40B parameters.", {"40B parameters": ("Falcon", "count.has")}),
    ("It is fast on the MLA-based Mistral and on the 229B-parameter MiniMax-M2.7.",
     {"229B-parameter": ("MiniMax-M2.7", "count.beside_name")}),
    ("It is fast on the MLA-based Mistral and on the 229B-parameter Zorvex-M2.7.", {"229B-parameter": (None, None)}),
    ("By freezing the components of SAM2, we train only 4.5 million parameters.", {"4.5 million parameters": (None, None)}),
    ("Our system uses at most 168M parameters (about 70% of Whisper-small).", {"168M parameters": (None, None)}),
    ("Our system is a 306M-parameter architecture that augments a pretrained GPT-2 Small backbone.", {"306M-parameter": (None, None)}),
    ("Across 4 Mistral variants, Monitor has a small footprint ($\\leq$ 0.85M parameters).", {"0.85M parameters": (None, None)}),
]


@pytest.mark.parametrize("text, expected", LINKS)
def test_count_links_and_their_rules(text, expected):
    assert links(text) == expected


def test_a_variant_not_read_as_a_model_keeps_the_count_from_its_family():
    title = "SLNet: a point cloud network"
    assert links("SLNet-S with 0.14M parameters achieves 93.64% accuracy.", title=title) == {"0.14M parameters": (None, None)}
    assert links("SLNet with 0.14M parameters achieves 93.64% accuracy.", title=title) == {
        "0.14M parameters": ("SLNet", "count.own_only")}


def test_the_model_is_the_papers_own_when_the_sentence_names_none():
    title = "ERNIE 3.0: Large-scale Knowledge Enhanced Pre-training"
    assert links("We trained the model with 10 billion parameters on a 4TB corpus.", title=title) == {
        "10 billion parameters": ("ERNIE 3.0", "count.the_model")}
    assert links("We trained the model with 10 billion parameters on a 4TB corpus.") == {"10 billion parameters": (None, None)}


@pytest.mark.parametrize("title, text, expected", [
    # the paper's own model, read by models.py from its evidence (model.own_size), owns its counts
    ("ZorRS-R1: Compact Multimodal Language Model",
     "This paper introduces ZorRS, the first 2B-parameter multimodal small language model (MSLM) for remote sensing.",
     {"2B-parameter": ("ZorRS", "count.appositive")}),
    (None, "We introduce Mixture-of-Loops (MoL), a unified framework for recursion. Across model scales ranging "
     "from 135M to 1.7B parameters, MoL forms a new Pareto frontier.",
     {"135M": ("MoL", "count.owner_clause"), "1.7B parameters": ("MoL", "count.owner_clause")}),
    (None, "We train Judge for Expertise (J4X), a 7B judge that outperforms GPT-4o by 6.7%.", {"7B": ("J4X", "count.appositive")}),
    # a method's name is no model: the sizes are those of the models it is tried on
    (None, "We propose PTD-XO, a distillation framework. Experiments on LVLMs ranging from 2B to 8B parameters "
     "show that PTD-XO consistently outperforms RLVR baselines.", {"2B": (None, None), "8B parameters": (None, None)}),
])
def test_counts_of_the_papers_own_model(title, text, expected):
    assert links(text, title=title) == expected
