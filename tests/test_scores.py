"""Scores read from the structure of the sentence: each form of issue 16 and its negative."""

import pytest

from paperfacts import extract


def scores(text):
    return [(s.value, s.unit, s.kind) for s in extract(text).scores]


def links(text):
    return [(s.value, s.kind, s.benchmark) for s in extract(text).scores]


FORMS = [
    # a range's dash is no sign; a written sign is kept ("value is the number as written")
    ("with accuracies typically around 55--70\\% on ESGenius", [(55.0, "%", "absolute"), (70.0, "%", "absolute")]),
    ("the sensitivity of the models (81%--97%) on the test set", [(81.0, "%", "absolute"), (97.0, "%", "absolute")]),
    ("It shows a pronounced deficit in negotiation (-39%) on SOTOPIA.", [(-39.0, "%", "delta")]),
    ("GPT-5 degrades by -1.8 pp on MMLU.", [(-1.8, "points", "delta")]),
    # not a bracket's confidence interval after a comma, nor a share's list
    ("The model showed strong performance (AUC: 0.97, 95% CI: 0.95-0.99).", [(0.97, None, "absolute")]),
    ("Qwen2.5-7B and 14B-Instruct solve 77.82% and 86.38% of tasks on InfiAgent-DABench.",
     [(77.82, "%", "absolute"), (86.38, "%", "absolute")]),
    # "up to" bounds a number and says nothing of its kind: the clause's change word, if any, does
    ("Our method achieves up to 100% ASR on Dream-Instruct.", [(100.0, "%", "absolute")]),
    ("models like o3 achieve high comprehensiveness (up to 92.2%)", [(92.2, "%", "absolute")]),
    ("genre can be extracted with F1-scores of up to 98% using classifiers", [(98.0, "%", "absolute")]),
    ("VS2++ achieves absolute top-1 gains over CLIP zero-shot of up to 21.44% on CIFAR-100.", [(21.44, "%", "delta")]),
    ("it improves premise detection (up to 45%) on GSM8K.", [(45.0, "%", "delta")]),
    ("achieving mean squared error reductions of up to 46% on unseen data", [(46.0, "%", "delta")]),
    ("it outperforms recent techniques, achieving high accuracy (up to 98.87%).", [(98.87, "%", "absolute")]),
    # the numbers that go on after a metric's value, each on its own name
    ("We reach state-of-the-art BLEU scores of 49.72 on LDC2017T10, 59.70 on WebNLG, and 25.66 on AGENDA.",
     [(49.72, None, "absolute"), (59.7, None, "absolute"), (25.66, None, "absolute")]),
    # a hedge before a list's next number keeps the list one ("~10% and ~7.7% improvements": both gains)
    ("It achieves ~10% and ~7.7% improvements in top-1 retrieval.", [(10.0, "%", "delta"), (7.7, "%", "delta")]),
    # a named quantity's value ("EIR = 0%") is a level beside the changes around it, unless "delta" names it
    ("Only o3-mini (+3.4 pp, EIR = 0%) improves.", [(3.4, "points", "delta"), (0.0, "%", "absolute")]),
    ("Both extensions preserved robustness, with delta Dice = 1.5% across spacings.", [(1.5, "%", "delta")]),
    # a written sign, points, or "relatively" after it makes the bounded number a change
    ("The selective predictor defers the rest, achieving up to +9.5pp accuracy.", [(9.5, "points", "delta")]),
    ("In particular, pre-training consistently improves the character error rate of models, in some cases up to 30 % relatively.",
     [(30.0, "%", "delta")]),
    # points written pp, p.p., %pt, $+2.4$pp, a N-point gain
    ("It improves MMLU by 2.4pp.", [(2.4, "points", "delta")]),
    ("a gain of 3.1 p.p. on average", [(3.1, "points", "delta")]),
    ("accuracy rises by 2.2%pt over the baseline", [(2.2, "points", "delta")]),
    ("It improves by $+2.4$pp on GLUE.", [(2.4, "points", "delta")]),
    ("yielding a 2.1-point gain in F1", [(2.1, "points", "delta")]),
    ("It holds a 3-point lead on MMLU.", [(3.0, "points", "delta")]),
    ("naive eviction cuts success by 34.7pp", [(34.7, "points", "delta")]),
    ("our approach shows a merely sim0.6 point decrease in performance", [(0.6, "points", "delta")]),
    # a range in points is two items, as a range in percent is
    ("It improves accuracy by 4 to 15 points on MIT-States.", [(4.0, "points", "delta"), (15.0, "points", "delta")]),
    ("Mem4Nav yields 7-13 pp gains in Task Completion.", [(7.0, "points", "delta"), (13.0, "points", "delta")]),
    ("It beats the baseline by 2 to 13 percentage points.", [(2.0, "points", "delta"), (13.0, "points", "delta")]),
    ("It improves accuracy by 20-30% on GSM8K.", [(20.0, "%", "delta"), (30.0, "%", "delta")]),
    ("It gains 3 points on GSM8K and 4 tasks on MATH.", [(3.0, "points", "delta")]),  # no range: no second item
    # a range of plain values after their metric: both ends, when the first end is a score
    ("UNI achieves AUC 0.73-0.93 for correct predictions.", [(0.73, None, "absolute"), (0.93, None, "absolute")]),
    ("with ROC AUC values of 0.88 to 0.93 on the held-out data", [(0.88, None, "absolute"), (0.93, None, "absolute")]),
    ("agents achieved an average commute time of 7.8 to\n8.4 minutes", []),
    # a decimal right after a listed metric's name is its value; not a condition, not an agreement
    ("The probe reaches AUROC 0.944 on the held-out set.", [(0.944, None, "absolute")]),
    ("performance improved from Dice 0.687 to Dice 0.902 with a frozen decoder.", [(0.687, None, "absolute"), (0.902, None, "absolute")]),
    ("an improvement in AUROC of 0.05 over the baseline", [(0.05, None, "delta")]),
    ("mAP at IoU 0.5 is 40.1%.", [(40.1, "%", "absolute")]),
    ("with high inter-annotator agreement (Fleiss Kappa = 0.86)", []),
    # LaTeX closing a number ("}", "$") is no text: the words after it say what it is
    ("It gives a \\emph{$>60\\%$ reduction} in peak memory.", []),
    ("It achieves a \\textbf{10.0\\%} improvement on CIFAR-10.", [(10.0, "%", "delta")]),
    # a list carries a rejection on ("by 60% and 45%"), but not onto a share of performance
    ("It cuts peak memory by 60% and 45% on two GPUs.", []),
    ("It cuts peak memory by 60%, and 95% of baseline accuracy remains.", [(95.0, "%", "absolute")]),
    # the margin of a comparison, whatever words describe the systems compared
    ("GRAPE outperforms baselines trained on 4.5 times more data by 6.1% and a data selection approach by 3%.",
     [(6.1, "%", "delta"), (3.0, "%", "delta")]),
    ("It outperforms LoRA using 10x fewer trainable parameters by 2.1%.", [(2.1, "%", "delta")]),
    # hedges do not reject a score
    ("It improves accuracy by approximately 7%.", [(7.0, "%", "delta")]),
    ("it outperforms the baseline by over 9%", [(9.0, "%", "delta")]),
    # a plain number before a metric; a list of them
    ("BERT gets 84.6 F1 on SQuAD.", [(84.6, None, "absolute")]),
    ("It reaches 31.2, 28.7 and 40.5 BLEU.", [(31.2, None, "absolute"), (28.7, None, "absolute"), (40.5, None, "absolute")]),
    # plain numbers listed before a number with a unit share it; not a version, a statistic, a condition or a thousands' comma
    ("improving average accuracy by +4.4 and +6.0 points over the baseline", [(4.4, "points", "delta"), (6.0, "points", "delta")]),
    ("far below human performance (89.3 and 92.7 percent)", [(89.3, "%", "absolute"), (92.7, "%", "absolute")]),
    ("it wins 80.0% against Ovi 1.1 and 60.9% against LTX 2.3", [(80.0, "%", "absolute"), (60.9, "%", "absolute")]),
    ("it achieves reconstruction R2 = 0.729 and 98.1% top-1 retrieval", [(0.729, None, "absolute"), (98.1, "%", "absolute")]),
    ("it achieves 63.7% mAP@0.5, 43.8% mAP@0.5:0.95 and 61.4% recall",
     [(63.7, "%", "absolute"), (43.8, "%", "absolute"), (61.4, "%", "absolute")]),
    ("Go-Explore scores a mean of over 650,000 points on the game.", []),
    ("It attains 80.3% on olmOCR and 88.64 on OmniDocBench.", [(80.3, "%", "absolute"), (88.64, None, "absolute")]),
    ("It reaches 45% on MMLU and 30 in 2024 on average.", [(45.0, "%", "absolute")]),
    # the list a metric heads; a ratio after it is no member
    ("Overall, TransTab ranks 1.00, 1.00, 1.78 out of 12 methods.", [(1.0, None, "absolute"), (1.0, None, "absolute"), (1.78, None, "absolute")]),
    ("It reaches an F1 of 0.81, 0.79 and 0.77 on three sets.", [(0.81, None, "absolute"), (0.79, None, "absolute"), (0.77, None, "absolute")]),
    ("It reaches an FID of 6.54, 2.1 times faster than the baseline.", [(6.54, None, "absolute")]),
    # rating means: the mean is a score, the SD is not
    ("Participants rated it highly (M = 3.90, SD = 0.80).", [(3.9, None, "absolute")]),
    # a number in brackets after a model where the sentence speaks of results
    ("Raters preferred GPT-4 (2.91) and Claude (3.07) in overall rating.", [(2.91, None, "absolute"), (3.07, None, "absolute")]),
    ("the approach preserves the baseline mAP (0.151) at no cost", [(0.151, None, "absolute")]),
    # mean +/- spread: the mean with the spread's unit
    ("The ensemble reaches 98.91 +/- 0.13% accuracy.", [(98.91, "%", "absolute")]),
    ("errors fell to $5.18\\pm0.17$% overall", [(5.18, "%", "absolute")]),
    # versus pairs and a model's possessive number
    ("(FID: UniTok 1.38 vs. REPA 1.42)", [(1.38, None, "absolute"), (1.42, None, "absolute")]),
    ("an IoU of 0.8306, an improvement over U-Net's 0.8065", [(0.8306, None, "absolute"), (0.8065, None, "absolute")]),
    # a quality metric's ratio is a delta
    ("a 10.48x higher average success rate", [(10.48, None, "delta")]),
    ("2.5x and 14.4x higher FID", [(2.5, None, "delta"), (14.4, None, "delta")]),
    # metric from X to Y, N/10 ratings
    ("improving the macro F1 score from 0.74 to 0.93", [(0.74, None, "absolute"), (0.93, None, "absolute")]),
    ("and a 9.8/10 reasoning score", [(9.8, None, "absolute")]),
    # kind read from the sentence
    ("reduces the peak count error to 7.07%", [(7.07, "%", "absolute")]),
    ("with deadlock rates exceeding 95% in some settings", [(95.0, "%", "absolute")]),
    ("with only a $2.21\\%$ average accuracy drop", [(2.21, "%", "delta")]),
    ("false-positive filtering (up to 100% accuracy)", [(100.0, "%", "absolute")]),
    ("a decline in performance of up to 11.4% mIoU", [(11.4, "%", "delta")]),
    ("performance notably improves from 57.2% to 65.\\%.", [(57.2, "%", "absolute"), (65.0, "%", "absolute")]),
    ("IDPruner retains 95.18% of baseline performance", [(95.18, "%", "absolute")]),
    ("our agent solves 45% of the tasks", [(45.0, "%", "absolute")]),
    # an efficiency word inside a compound ("test-time") or past "while improving" rejects nothing
    ("Test-time scaling provides an additional 3% boost", [(3.0, "%", "delta")]),
    ("20x lower computational cost while improving Pixel F1 by 5 percentage points", [(5.0, "points", "delta")]),
    ("approaching the 32.0% of Llama-3.2-1B", [(32.0, "%", "absolute")]),
    ("It gets the best accuracy per class (91.2%) on CUB.", [(91.2, "%", "absolute")]),
    # a result verb nearer the number than the change word: a result; a change noun as its subject: a change
    ("PAPO consistently outperforms ORM, reaching 51.3% vs.\\ 46.3% on OlympiadBench.",
     [(51.3, "%", "absolute"), (46.3, "%", "absolute")]),
    ("It delivers substantial gains, reaching 62.13% on TableBench.", [(62.13, "%", "absolute")]),
    ("Our model outperforms other models, achieving 68.22% accuracy.", [(68.22, "%", "absolute")]),
    ("Notably, peak enhancements reached 3.56% F1 for basic tasks.", [(3.56, "%", "delta")]),
    ("On such prompts the reduction reaches 17%.", [(17.0, "%", "delta")]),
    ("It achieves gains of 3.1% on MMLU.", [(3.1, "%", "delta")]),
    ("It reduces safety violation rates by up to 96.5% relative to the strongest baseline.", [(96.5, "%", "delta")]),
    ("achieving a 30.0% improvement in MAUVE score and 10.5% in perplexity", [(30.0, "%", "delta"), (10.5, "%", "delta")]),
    ("we observe a substantial 22.6% performance difference in temporal localization", [(22.6, "%", "delta")]),
    # LaTeX's thin space before the percent sign
    ("Our approach achieves a remarkable accuracy of 97.79\\,\\% for classification.", [(97.79, "%", "absolute")]),
    # "by" before a gerund is a means, not a margin, unless the gerund is a change
    ("It outperforms prior approaches by achieving 97.0% accuracy on ESC-50.", [(97.0, "%", "absolute")]),
    ("It surpasses prior reward models by adding more than 5% in preference prediction.", [(5.0, "%", "delta")]),
    ("with an average difference of 52% from the human labels", [(52.0, "%", "delta")]),
]

NOT_SCORES = [
    # a number before a magnitude word is a count
    ("RedNet is trained on a curated dataset of 1.31 million RBC images.", []),
    ("We release ZorbQA, a data set of 2.4 million Czech query-document pairs.", []),
    # a number after "@" is a metric's cutoff, part of its name
    ("It achieves an AUC of 0.921 and a TPR@1% FPR of 0.455 on the S1 dataset.", [(0.921, None, "absolute"), (0.455, None, "absolute")]),
    ("It gains 3.3% in average Recall@1% on Oxford RobotCar.", [(3.3, "%", "delta")]),
    ("The model achieved 0.9871 mAP@0.5 and 0.9422 mAP@0.5:0.95.", [(0.9871, None, "absolute"), (0.9422, None, "absolute")]),
    # a share of items, with its count in brackets before "of"
    ("TotalFM achieved higher F1 scores in 83% (5/6) of organs compared to CT-CLIP.", []),
    # a share of the data used, not a result
    ("We used a significantly limited 30% subset of DeepLesion to train a VFNet model.", []),
    ("It is a curated approximately 10% open subset of an original 1.2 million samples.", []),
    # agreement between judges or annotators
    ("Inter-annotator agreement was 87% (Cohen's kappa 0.81).", []),
    ("with a 95% human consensus agreement rate", []),
    ("The jury achieved almost perfect agreement with the panel (Cohen's kappa=81%).", []),  # a sign before it
    ("A cohort study finds inter-rater Fleiss kappa <= +0.018 with shifts.", []),
    ("The 7B model reaches 98.5% accuracy (std < 0.3 pp across 3 seeds).", [(98.5, "%", "absolute")]),  # a spread
    # ... but a metric's name between the word and an "=" is the metric's score
    ("It also enables segmentation (mask mAP50 = 0.970).", [(0.97, None, "absolute")]),
    # cost, compute, memory, length and annotation savings
    ("bert2BERT saves about 45% and 47% computational cost of pre-training", []),
    ("it reduces the computational cost by about 20% on A and up to 51.6% on B", []),
    ("Our methods reduce the computational cost by 20% to 60%.", []),  # both ends of a range
    ("It reduces the memory by 14-47\\%.", []),
    # complexity and calls are costs too
    ("computational complexity is lowered by 20% compared to PSO", []),
    ("CGES reduces the average number of model calls by about 69 percent", []),
    ("while reducing API calls by over 99.99%.", []),
    ("while reducing per-problem token expenditure by 31.2%.", []),
    ("while improving TTFT by 33% and TPOT by 22% at 128K context", []),  # time to first token, per output token
    # the noun after a coordinated list's last member says what each member measures
    ("We evaluate CAP on GSM8K at 10%, 20%, and 50% sparsity.", []),
    ("AIRAformer-C scales 54% and 71% faster than Llama 3.2.", []),
    ("it achieves state-of-the-art performance using less than 10% labeled data", []),
    ("up to 88.7% reduction in single-machine processing time, 77.1% and 73.1% less memory", []),
    ("while reducing token length by over 80% across benchmarks", []),
    ("and reduces annotation needs by 32.5%", []),
    ("It minimizes the training corpus requirement to a mere 0.3%.", []),
    # a verb of saving between the comparison and "by" governs the number
    ("It outperforms baselines while reducing training data by 30%.", []),
    ("It outperforms baselines in latency by 30%.", []),
    ("while outperforming the standard implementation, with FastNBL being faster by 28% and NBL faster by 12%.", []),
    ("a 10% empirical increase in inference speed", []),
    ("slashing computational FLOPs by ~80%", []),
    # ... a unit in brackets after the word: "latency (ms/token) by", "computational cost (MACs) by"
    ("our method reduces decoding latency (ms/token) by 17.75% relative to static KV quantization", []),
    ("HGC significantly reduces the computational cost (MACs) by 63% on COCO-Stuff", []),
    ("it accelerates the end-to-end generation pipeline by up to 36%", []),
    # a reduction in (model) parameters is a size saving; parameters before a result do not govern it
    ("On nuScenes, ZorbNet achieves a 29% reduction in model parameters over PillarNet.", []),
    ("lightweight models that achieve a 20-30% reduction in parameters and a 36-46% decrease in FLOPs", []),
    ("It achieves the best mIoU with fewer parameters on the UPLight (92.45%) and ZJU (92.7%) datasets.",
     [(92.45, "%", "absolute"), (92.7, "%", "absolute")]),
    # densities, FPS, counts per item
    ("with a point density exceeding 1000 points/m$^2$", []),
    ("it runs at 30 fps on a single GPU", []),
    # shares of reviewers, users, data and tokens
    (">85% of patent filings originate outside the U.S.", []),
    ("over 60% of spatial tokens contribute little", []),
    ("35% of reviewers preferred the baseline", []),
    ("pruning 75% of the tokens under a 90% pruning ratio", []),
    # spreads, confidence levels, hyper-parameters
    ("reducing Dice variation to +/- 0.7%", []),
    ("with non-overlapping 95% confidence intervals", []),
    ("cutting peak GPU memory by nearly 40% at a 20% KV-cache budget", []),
    ("fewer parameters ($9.3\\%$), training data ($0.5\\%$), and GPU resources ($0.2\\%$)", []),
    ("at a masking rate of 15%", []),
    # the share of the labels a count per class is
    ("on ImageNet with 60 examples per class (5%)", []),
    # version numbers of hyphenated names are not range starts
    ("from 0.0% on Claude-Sonnet-4.6 to 31.4% on Gemini", [(0.0, "%", "absolute"), (31.4, "%", "absolute")]),
    # a ratio of an efficiency figure is no score
    ("2.5x faster inference and 3x higher throughput", []),
    # brackets in a sentence that speaks of no result
    ("We release Qwen (7) and Llama (3) checkpoints.", []),
    # thresholds of a metric are not its values
    ("mAP over IoU thresholds from 0.1 to 0.7", []),
    ("with 67.8% of predictions at or above 0.8 IoU", []),
    # 3D point clouds, N-point scales and sweeps are no points
    ("3D point cloud completion", []),
    ("raters used a 10-point scale", []),
    ("a large-scale dataset for aligning VLMs through 5-point scalar ratings", []),
    ("Pearson r = 0.934 across an 11-point interpolation sweep", []),
    # the tail of a thousands-separated count, a name's digits
    ("training consumption ($17,529\\pm 1,650$ data points)", []),
    ("surpassing the baseline by 0.96% Recall@1 accuracy", [(0.96, "%", "delta")]),
    ("this exceeds HydraViT's 6-head subnetwork", []),
    # a share of data, tokens or labels, its nouns described, is no score; a result on such data is
    ("METEOR reduces 76% visual tokens with only a small drop on MMLU.", []),
    ("In effect, 1% procedurally generated data is thus equivalent to 28% of the ImageNet-1k data.", []),
    ("Even randomly retaining only 30% of tokens achieves performance comparable to using all tokens.", []),
    ("It retains 95.2% of the baseline performance on MMLU.", [(95.2, "%", "absolute")]),
    ("It achieves 46% on unseen data.", [(46.0, "%", "absolute")]),
    # a ratio of parameters or compression is no score
    ("a 7.77-fold reduction in system-level parameters", []),
    ("a 2x higher compression ratio than baselines", []),
]


@pytest.mark.parametrize("text, expected", FORMS)
def test_score_forms(text, expected):
    assert scores(text) == expected


@pytest.mark.parametrize("text, expected", NOT_SCORES)
def test_not_scores(text, expected):
    assert scores(text) == expected


LINKS = [
    # a metric's name is no benchmark: R2 is the coefficient of determination
    ("Experiments demonstrate a significant performance gain of 26.6% on R2.", [(26.6, "delta", None)]),
    ("the model achieved an average R2 of 0.9213 on the held-out data", [(0.9213, "absolute", None)]),
    # a number whose own clause names no benchmark takes none from an earlier clause (read on the corpus, such
    # links were right two times in three: "51.9% mIoU on ADE20K ..., while zero-shot accuracy improves by up to 22%")
    ("The results we obtain on the static split of VSI-Bench are strong, and we find them higher than previous works, by up to 16%.",
     [(16.0, "delta", None)]),
    ("The model achieves 51.9% mIoU on ADE20K (+9.4%), while zero-shot segmentation accuracy improves by up to 22%.",
     [(51.9, "absolute", "ADE20K"), (9.4, "delta", "ADE20K"), (22.0, "delta", None)]),
    ("It reaches 98.4% on VSI-Bench, and 64.7% against onion sites.", [(98.4, "absolute", "VSI-Bench"), (64.7, "absolute", None)]),
    ("Results on HMDB51 are strong, and on MiniUCF IPC 5 we achieve a 7.8% performance increase.", [(7.8, "delta", None)]),
    ("We report 2.26% on IAM and 3.46% on Bentham, and it is competitive on READ-2016 with 4.21%.",
     [(2.26, "absolute", "IAM"), (3.46, "absolute", "Bentham"), (4.21, "absolute", None)]),
    # a number in brackets after a name and a word or two of its own is that name's; not past another name
    ("It achieves state-of-the-art performance on Intent-QA (79.0%, +6.2% over previous SOTA), EgoSchema subset (75.4%, +3.4%).",
     [(79.0, "absolute", "Intent-QA"), (6.2, "delta", "Intent-QA"), (75.4, "absolute", "EgoSchema"), (3.4, "delta", "EgoSchema")]),
    ("We produce state-of-the-art results on GTA $\\to$ Cityscapes (74.4 mIoU, +0.6).",
     [(74.4, "absolute", "Cityscapes"), (0.6, "delta", "Cityscapes")]),
    # a name past a comma in the next number's item is that number's, brackets inside that item included
    ("It ranks first on the Spring benchmark with an outlier rate of 3.289, leads Sintel (clean) with an EPE of 0.963.",
     [(3.289, "absolute", "Spring"), (0.963, "absolute", "Sintel")]),
    # the sentence's opening benchmark does not reach past a clause that opens on a name of its own
    ("On CIFAR-10 we obtain F1=96.37; on AtticPOT we reach F1=90.79.", [(96.37, "absolute", "CIFAR-10"), (90.79, "absolute", None)]),
    ("On CitiLink-Minutes, it achieves a B-F1 of 0.79, while on WikiSection it attains a B-F1 of 0.65.",
     [(0.79, "absolute", "CitiLink-Minutes"), (0.65, "absolute", "WikiSection")]),
    # names each with its own aside in brackets are a coordinated list: the number is on neither alone
    ("On WebArena (Zhou et al., 2024) and ToolBench (Qin et al., 2024), AgentHER improves over success-only SFT by 7.1 pp.",
     [(7.1, "delta", None)]),
    # a part of one set, written "the <part> of X", is on X
    ("It sets the state of the art, 78.4% mIoU on the val set of PASCAL VOC 2012 and 50.3% mIoU on the val set of COCO 2014.",
     [(78.4, "absolute", "PASCAL VOC 2012"), (50.3, "absolute", "COCO 2014")]),
    ("It attains 95.1% accuracy on ModelNet40 and 92.75% accuracy on the most challenging split of ScanObjectNN.",
     [(95.1, "absolute", "ModelNet40"), (92.75, "absolute", "ScanObjectNN")]),
    # "respectively" over splits or tasks, not names: the benchmark that frames the sentence holds for each
    ("On Spider, the proposed framework achieves 87.2% and 88.6% execution accuracy on the Dev and Test sets, respectively.",
     [(87.2, "absolute", "Spider"), (88.6, "absolute", "Spider")]),
    ("On the ADE20K dataset, our method improves UperNet by 2.7%, 1.9%, and 2.6% mIoU, respectively.",
     [(2.7, "delta", "ADE20K"), (1.9, "delta", "ADE20K"), (2.6, "delta", "ADE20K")]),
    # lists aligned item by item, with or without "respectively"
    ("It reaches 31.2, 28.7 and 40.5 BLEU on WMT14, WMT16 and MMLU.",
     [(31.2, "absolute", "WMT14"), (28.7, "absolute", "WMT16"), (40.5, "absolute", "MMLU")]),
    ("gains of 12.63% and 8.34% on FGVC-Aircraft and CUB-200-2011 datasets",
     [(12.63, "delta", "FGVC-Aircraft"), (8.34, "delta", "CUB-200-2011")]),
    ("It improves by 49.76%, 50.05% and 44.69% on CIFAR-100, ImageNet-R and CUB-200, respectively.",
     [(49.76, "delta", "CIFAR-100"), (50.05, "delta", "ImageNet-R"), (44.69, "delta", "CUB-200")]),
    ("NavGRPO is robust on R2R and REVERIE benchmarks with +3.0% and +1.71% SPL improvements.",
     [(3.0, "delta", "R2R"), (1.71, "delta", "REVERIE")]),
    # an "on" list goes on with plain numbers, each on its own name, sharing points or a metric (not a percent sign)
    ("We enhance Qwen-R1 32B by an average of 9.1 points on AIME 24, 7.6 on GPQA, and 9.6 on LiveCodeBench.",
     [(9.1, "delta", "AIME 24"), (7.6, "delta", "GPQA"), (9.6, "delta", "LiveCodeBench")]),
    ("The fingerprint achieves 0.9106 AUC on CelebDF-v2 and 0.9289 on DFD under transfer.",
     [(0.9106, "absolute", "CelebDF-v2"), (0.9289, "absolute", "DFD")]),
    # plain numbers listed before a number with a unit share it
    ("It gains 4.4, 5.1 and 6.0% on MMLU, GSM8K and HumanEval, respectively.",
     [(4.4, "delta", "MMLU"), (5.1, "delta", "GSM8K"), (6.0, "delta", "HumanEval")]),
    ("It outperforms prior work on NaturalQuestions and WebQuestions by 3.5 and 2.6 points, respectively.",
     [(3.5, "delta", "NaturalQuestions"), (2.6, "delta", "WebQuestions")]),
    # the benchmark the syntax says, not the nearest name
    ("We get +4.1 pp mAP on COCO, and fewer failures on LVIS.", [(4.1, "delta", "COCO")]),
    ("we improve PASS@100 from 35.5% to 44.5% for GSM8K, and 27.6% to 36.2% PASS@80 for MathQA.",
     [(35.5, "absolute", "GSM8K"), (44.5, "absolute", "GSM8K"), (27.6, "absolute", "MathQA"), (36.2, "absolute", "MathQA")]),
    ("On the GSM8K benchmark, it accelerates inference by 6x while improving accuracy by 2.58%; on Flickr30K it is faster.",
     [(2.58, "delta", "GSM8K")]),
    ("it improves perplexity by 10% on the Pile, and improves question answering accuracy across 13 tasks by 2%.",
     [(10.0, "delta", "the Pile"), (2.0, "delta", None)]),
    # the parts of one benchmark are on it; parts of something unnamed are on nothing
    ("At the same budget, it improves perplexity by more than 10% on average across different subsets of the Pile.",
     [(10.0, "delta", "the Pile")]),
    ("At the same budget, it improves perplexity by 10% on average across different subsets of the tasks, and trains on the Pile.",
     [(10.0, "delta", None)]),
    # "This dataset" after a sentence that introduces one benchmark is that benchmark; after two, one only named, or "The model", none
    ("We introduce CaseHOLD, a benchmark of legal questions. This dataset is difficult (F1 of 0.4 with a BiLSTM baseline).",
     [(0.4, "absolute", "CaseHOLD")]),
    ("We introduce CaseHOLD and LexGLUE, two benchmarks. This dataset is difficult (F1 of 0.4 with a BiLSTM baseline).",
     [(0.4, "absolute", None)]),
    ("We translate CaseHOLD into Kyrgyz. This dataset is difficult (F1 of 0.4 with a BiLSTM baseline).",
     [(0.4, "absolute", None)]),
    ("We introduce CaseHOLD, a benchmark. The model is hard to train (F1 of 0.4 with a BiLSTM baseline).",
     [(0.4, "absolute", None)]),
    # the source of a transfer is not where the number is measured; the target, when read, is
    ("It achieves a +4.21% gain over source-free methods from PubLayNet to DocLayNet.", [(4.21, "delta", None)]),
    ("In the easy-to-hard (AIME $\\rightarrow$ BeyondAIME) setting, it improves success rate by 6.3%.", [(6.3, "delta", None)]),
    ("It achieves a +4.21% gain when transferring from COCO to PubLayNet.", [(4.21, "delta", "PubLayNet")]),
    # a name past the closing bracket around the number is another phrase's; inside the bracket it is the number's
    ("SRA achieves deep refusal reduction (0-2%) with negligible perplexity impact on Wikitext-2.", [(0.0, "delta", None), (2.0, "delta", None)]),
    ("It is accurate (71.3% accuracy, best on PathVQA).", [(71.3, "absolute", "PathVQA")]),
    # a benchmark's score is a metric, not the benchmark
    ("Our approach outperforms baselines by 15.6% across GenEval Score.", [(15.6, "delta", None)]),
    # the name a metric is of ("CIFAR-10 FID"), not the nearest one; a sentence's last number is read too
    ("With only 3 NFE, it improves CIFAR-10 FID from 8.16 to 5.69 and ImageNet FID from 17.37 to 11.83.",
     [(8.16, "absolute", "CIFAR-10"), (5.69, "absolute", "CIFAR-10"), (17.37, "absolute", "ImageNet"), (11.83, "absolute", "ImageNet")]),
    # the second of an arrow pair shares the first's name; a label we did not read ("HMMT25:") is no other name's
    ("boosting it across six benchmarks (e.g., AIME24: 3.2% -> 40.4% and HMMT25: 0.0% -> 28.6%).",
     [(3.2, "absolute", "AIME24"), (40.4, "absolute", "AIME24"), (0.0, "absolute", None), (28.6, "absolute", None)]),
    ("Overall: it reaches 85.1% on the full set, beating the MMLU baseline.", [(85.1, "absolute", "MMLU")]),
    # a name past a comma, in the next number's item, is that number's
    ("With deepseek, incremental repair improves SOP-Bench from 80% to 95%, Lifelong AgentBench from 90% to 100%, and RealFin-Bench from 45% to 65%.",
     [(80.0, "absolute", "SOP-Bench"), (95.0, "absolute", "SOP-Bench"), (90.0, "absolute", "AgentBench"), (100.0, "absolute", "AgentBench"),
      (45.0, "absolute", "RealFin-Bench"), (65.0, "absolute", "RealFin-Bench")]),
    # "respectively" over names that carry their noun, or a "." of their own ("Human3.6M")
    ("We experiment on the BUS-17 dataset and the ISIC-18 dataset and improve accuracy over U-Net by 25.7% and 3.6%, respectively.",
     [(25.7, "delta", "BUS-17"), (3.6, "delta", "ISIC-18")]),
    ("Our pipeline improves the state of the art by 11.8% and 12% on Human3.6M and MPI-INF-3DHP, respectively.",
     [(11.8, "delta", "Human3.6M"), (12.0, "delta", "MPI-INF-3DHP")]),
    # pooled over two names that carry their noun: on neither alone
    ("Experiments on the LoCoMo benchmark and LongMemEval benchmark demonstrate improvements over baselines (up to 23%).",
     [(23.0, "delta", None)]),
    # ... and past "and", when the name stands right before the next number ("B by M")
    ("Our method boosts accuracy on GPQA-diamond by 9.9% and MMLU-Pro (0-shot) by 9.1%, while reducing cost.",
     [(9.9, "delta", "GPQA-diamond"), (9.1, "delta", "MMLU-Pro")]),
    # a name we did not read right after the number ("on retinaMNIST") is no other name's
    ("Our results on the MedMNIST dataset show an improvement of 4.25% on retinaMNIST.", [(4.25, "delta", None)]),
    ("Our results on the MedMNIST dataset show an improvement of 4.25% on average.", [(4.25, "delta", None)]),
    ("Our results on the MedMNIST dataset show an improvement of 4.25% in accuracy.", [(4.25, "delta", "MedMNIST")]),
    # a score on a list of benchmarks is on none of them alone
    ("along with a 3% increase in performance on QBench2, RealWorldQA, and MMMU", [(3.0, "delta", None)]),
    ("it outperforms GPT-4o by 6.7%, matching larger judges on both JudgeBench and ReasoningJudgeBench.", [(6.7, "delta", None)]),
    ("improvements of 0.96 dB PSNR on the held-out set (e.g., DF3DV-41) and the On-the-go dataset.", [(0.96, "delta", None)]),
    ("It achieves +29.3 F1% / +25.9% EM gains on QA benchmarks such as 2Wiki and HotpotQA.", [(29.3, "delta", None), (25.9, "delta", None)]),
    # "respectively" over things that are not names pairs no names; the sentence's frame still holds
    ("On MNIST, it shows improvements of +17.10% and +14.54% for additive and multiplicative noise, respectively.",
     [(17.1, "delta", "MNIST"), (14.54, "delta", "MNIST")]),
    ("It shows improvements of +17.10% and +14.54% for additive and multiplicative noise, respectively, over MNIST-tuned runs.",
     [(17.1, "delta", None), (14.54, "delta", None)]),
    # a bracketed number after a score shares its benchmark; a name we did not read is no other name's
    ("it reaches 97.3% on LIBERO (11.8% improvement) and 93.5% on LIBERO-LONG (24.5% improvement)",
     [(97.3, "absolute", "LIBERO"), (11.8, "delta", "LIBERO"), (93.5, "absolute", "LIBERO-LONG"), (24.5, "delta", "LIBERO-LONG")]),
    ("it reaches 97.3% on LIBERO (11.8% improvement) and 93.5% on Kitchen (24.5% improvement)",
     [(97.3, "absolute", "LIBERO"), (11.8, "delta", "LIBERO"), (93.5, "absolute", None), (24.5, "delta", None)]),
    # a range is on the name after it, not on a later one; a list with an appositive; a corpus used as training data
    ("gains of 1.6%-2.9% Top-1 on MMLU, and 5.3%-6% Top-1 on PRCC with competitive results on GSM8K",
     [(1.6, "delta", "MMLU"), (2.9, "delta", "MMLU"), (5.3, "delta", "PRCC"), (6.0, "delta", "PRCC")]),
    ("Evaluated on TruthfulQA, a curated deception benchmark, and the Quirky LM dataset, it reaches 84.7% accuracy.",
     [(84.7, "absolute", None)]),
    ("Using C4 as pretraining data improves emotion classification from 1% to 28.27% macro F1.",
     [(1.0, "absolute", None), (28.27, "absolute", None)]),
    # "on average" is on no one benchmark; names in brackets joined by "and" are a list; a transfer source is no test set
    ("it improves AUC by 6.37% on CheXpert and by 4.11% on average.", [(6.37, "delta", "CheXpert"), (4.11, "delta", None)]),
    ("Evaluations on symbolic (VBVR-Bench) and general-purpose (RULER-Bench) benchmarks show a 16.7-point gain.",
     [(16.7, "delta", None)]),
    ("Transfer from MMLU to two other datasets shows a DSC increase of 3.00% for liver tumors.", [(3.0, "delta", None)]),
    # a name inside an earlier list item is that item's; a gain restating a result shares its benchmark
    ("It reaches 82.2% ImageNet accuracy for images, 32.6% MSRVTT retrieval for videos, and 28.19 PSNR for 3D.",
     [(82.2, "absolute", "ImageNet"), (32.6, "absolute", "MSRVTT"), (28.19, "absolute", None)]),
    ("UCAgents is accurate (71.3% on PathVQA, +6.0% over the state of the art).", [(71.3, "absolute", "PathVQA"), (6.0, "delta", "PathVQA")]),
    ("e.g., 66.3 %$\\rightarrow$72.9 % on MathVista, 62.9 %$\\rightarrow$68.7 % on We-Math",
     [(66.3, "absolute", "MathVista"), (72.9, "absolute", "MathVista"), (62.9, "absolute", None), (68.7, "absolute", None)]),
    # a number in brackets after a name is that name's; after a name we did not read, no one's
    ("It leads on CIFAR-10 (+0.45%), CIFAR-100 (+0.48%), N-Caltech101 (+1.94%), and ImageNet-1K (+1.6%).",
     [(0.45, "delta", "CIFAR-10"), (0.48, "delta", "CIFAR-100"), (1.94, "delta", "N-Caltech101"), (1.6, "delta", "ImageNet-1K")]),
    # "respectively" over one name repeated is no alignment; the system that scores is no benchmark
    ("the XMANet(DenseNet121) and XMANet(MobileNetV3) models yield enhancements of about 4.11% and 2.81%, respectively.",
     [(4.11, "delta", None), (2.81, "delta", None)]),
    # a metric is never the benchmark
    ("our method reaches 0.91 BERTScore and 8.1 G-Eval", [(0.91, "absolute", None), (8.1, "absolute", None)]),
    # a run of numbers before one name: each is on it, also when "respectively" pairs them with metrics
    ("Equipped with our loss, RetinaNet, FCOS and ATSS reach 40.1%, 41.9% and 42.3% mAP on MS COCO.",
     [(40.1, "absolute", "MS COCO"), (41.9, "absolute", "MS COCO"), (42.3, "absolute", "MS COCO")]),
    ("It gains 0.21%, 0.55%, and 0.83% in R@1, R@5, and mR on RSITMD, respectively.",
     [(0.21, "delta", "RSITMD"), (0.55, "delta", "RSITMD"), (0.83, "delta", "RSITMD")]),
    # ... but not two clauses joined by ", and", nor a name whose list goes on unread
    ("It reaches 81.4% on MVTec-AD, exceeding the prior baselines by 4%, and 81% on MVTec-AC.",
     [(81.4, "absolute", "MVTec-AD"), (4.0, "delta", None), (81.0, "delta", "MVTec-AC")]),
    ("It improves by 1.2% and 2.4% in mIoU under the 1-shot setting on PASCAL-5$^i$ and COCO-20$^i$ benchmarks, respectively.",
     [(1.2, "delta", None), (2.4, "delta", None)]),
    # "on the" may take a word or two before the name: "the original GSM8K", "the more complex HotpotQA dataset"
    ("It reaches 71.2% on the challenging MMLU and 65.0% on the original GSM8K.",
     [(71.2, "absolute", "MMLU"), (65.0, "absolute", "GSM8K")]),
    ("It achieves a 52% reduction on the Wikipedia dataset and a 71% reduction on the more complex HotpotQA dataset.",
     [(52.0, "delta", "Wikipedia"), (71.0, "delta", "HotpotQA")]),
    # ... but a modifier repeated over a coordination ("unseen A and unseen B") puts a result on neither alone
    ("It improves by 8.1% and 10.2% on unseen CVC-ClinicDB and unseen Kvasir-SEG, in Dice.",
     [(8.1, "delta", None), (10.2, "delta", None)]),
    # a corpus a model was trained on is not where it is measured
    ("FLAME surpasses the WIT-400M-trained CLIP by 44.4% in recall@1", [(44.4, "delta", None)]),
    # a name after a coordination, right before "by" and the next number, is that number's
    ("It outperforms the prior best by 4.17% and even exceeds LLaMA3.1-70B on PubMedQA by 4.60%.",
     [(4.17, "delta", None), (4.6, "delta", "PubMedQA")]),
    # "(90.6% vs. 89.8%)": the break after "vs." is no sentence break
    ("It leads the SuperGLUE benchmark, surpassing the human baseline by +0.8% (90.6% vs. 89.8%).",
     [(0.8, "delta", "SuperGLUE"), (90.6, "absolute", "SuperGLUE"), (89.8, "absolute", "SuperGLUE")]),
]


@pytest.mark.parametrize("text, expected", LINKS)
def test_score_benchmark_links(text, expected):
    assert links(text) == expected


def test_score_rule_ids():
    record = extract("It reaches 31.2 and 28.7 BLEU on WMT14 and WMT16, a 2.1-point gain (M = 3.90, SD = 0.80).")
    assert [s.rule for s in record.scores] == ["score.list_respectively", "score.list_respectively", "score.points", "score.rating_mean"]


@pytest.mark.parametrize("text, owners", [
    # the first score is Falcon's, the second Falcon's gain over LLaMA-65B
    ("Falcon-40B reaches 74.5% on MMLU, +3.2 points over LLaMA-65B.", ["Falcon-40B", "Falcon-40B"]),
    ("Llama-3-8B outperforms GPT-4o by 6.7% on JudgeBench.", ["Llama-3-8B"]),
    ("Raters preferred GPT-4 (2.91) and Claude (3.07) in overall rating.", ["GPT-4", "Claude"]),
    # a name the text introduces as a model is the subject at its later mentions too
    ("We introduce ZorbNet, a lightweight segmentation network. ZorbNet achieves 45.1% mIoU on Cityscapes.", ["ZorbNet"]),
])
def test_score_owner_is_the_subject(text, owners):
    assert [s.model for s in extract(text).scores] == owners


def test_a_dump_of_numbers_gives_no_scores_and_a_results_list_does():
    """A "sentence" of hundreds of percentages is a pasted table, not results (issue 14:
    it cost far more time than its length); a real list of results is read."""
    from paperfacts.extractors.scores import MAX_NUMBERS_PER_SENTENCE

    dump = " ".join(f"{i % 97}.{i % 10}%" for i in range(MAX_NUMBERS_PER_SENTENCE * 10)) + "."
    assert extract(dump + " Our model reaches 81.2% on MMLU.").scores[0].value == 81.2
    assert len(extract(dump).scores) == 0
    listed = "We obtain " + ", ".join(f"{50 + i}.5%" for i in range(12)) + " on MMLU."
    assert len(extract(listed).scores) == 12


# "respectively" pairs a run of numbers with a list of metrics as it does with a list of benchmarks
METRIC_LISTS = [
    ("It surpasses baselines by up to 24.6%, 21.8%, and 5.6% on CLIP-IQA, DOVER, and MUSIQ, respectively.",
     [(24.6, "CLIP-IQA"), (21.8, "DOVER"), (5.6, "MUSIQ")]),
    ("It achieves relative improvements of 11.1% and 35.4% in BLEU-4 and METEOR scores, respectively.",
     [(11.1, "BLEU-4"), (35.4, "METEOR")]),
    # without "respectively" the metrics are not paired one by one
    ("It achieves gains of 11.1% and 35.4% in BLEU-4 and METEOR.", [(11.1, "BLEU-4"), (35.4, "BLEU-4")]),
    # a metric named just before "by" is the one the change is of, whatever stands nearer after it
    ("Training on both reduces MSE by 16.7%, MAE by 6.03%, and raises R2 by 16.4%.",
     [(16.7, "MSE"), (6.03, "MAE"), (16.4, "R²")]),
    ("It improves Recall@1 by up to 2.4% and Recall@50 by 1.04% over prior work.", [(2.4, "recall@1"), (1.04, "recall@50")]),
]


@pytest.mark.parametrize("text, expected", METRIC_LISTS)
def test_respectively_pairs_metrics(text, expected):
    assert [(s.value, s.metric) for s in extract(text).scores] == expected
