"""`eval`: the engine scored against a gold attribution corpus."""
from __future__ import annotations

import json

import click
from rich.table import Table
from rich.text import Text

from claimtrack.cli.context import CommandContext, pass_app
from claimtrack.cli.group import cli
from claimtrack.cli.options import format_option
from claimtrack.display import for_terminal


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--thr", type=float, multiple=True, default=(0.5, 0.9), show_default=True,
              help="Character-Jaccard thresholds for a content match (repeatable).")
@click.option("--predictions", type=click.Path(dir_okay=False, writable=True),
              help="Also write the engine's predictions (JSONL) here.")
@format_option("table", "json")
@pass_app
def evaluate(app: CommandContext, gold: str, thr: tuple[float, ...], predictions: str | None, fmt: str) -> None:
    """Score the engine against a gold JSONL file of the PolNeAR form."""
    from claimtrack.engine import extract as run_engine
    from claimtrack.evaluation import load_gold, quotes_record, score_documents

    gold_docs = load_gold(gold)
    pred = {doc_id: quotes_record(doc_id, run_engine(doc["text"])) for doc_id, doc in gold_docs.items()}
    if predictions:
        with open(predictions, "w", encoding="utf-8") as out:
            for record in pred.values():
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    results = [score_documents(gold_docs, pred, t) for t in thr]
    if fmt == "json":
        app.out.file.write(json.dumps(results, indent=1) + "\n")
        return
    table = Table("threshold", "precision", "recall", "F1", "quoted recall", "speaker acc", "cue acc", "end-to-end F1",
                  title=Text(for_terminal(f"{gold}: {len(gold_docs)} documents")), header_style="bold")
    for r in results:
        table.add_row(*(str(r.get(k)) for k in ("threshold", "precision", "recall", "f1", "recall_quoted",
                                                 "speaker_acc", "cue_acc", "e2e_f1")))
    app.out.print(table)
