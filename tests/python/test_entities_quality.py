"""Entity quality through SQL: news_entities over CoNLL-2003 dev.txt.

Each dev document is given to news_entities as raw text (its tokens joined by
spaces, its sentences by line breaks), so this checks the whole raw-text path:
tokenizer, tagger, spans and character offsets. Entities are mapped back to
the gold tokens by offsets and scored like conlleval (exact chunks). The floor
sits a little under the figure in docs/quality-entities.md (make eval-ner,
which tags the gold tokens directly, scores slightly higher).
"""
import unittest

from newsdesk_test import connect, shared_path

F1_FLOOR = 0.925


def read_conll(path):
    """Documents as lists of sentences of (word, tag) with IOB2 tags."""
    docs, doc, sent = [], [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if sent:
                    doc.append(sent)
                if doc:
                    docs.append(doc)
                doc, sent = [], []
            elif not line.strip():
                if sent:
                    doc.append(sent)
                sent = []
            else:
                parts = line.split(" ")
                tag = parts[-1]
                if tag.startswith("I-") and (not sent or sent[-1][1][2:] != tag[2:]):
                    tag = "B-" + tag[2:]
                sent.append((parts[0], tag))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def chunks(tags):
    """Set of (start, end, type) chunks of one sentence's IOB2 tags."""
    out, i = set(), 0
    while i < len(tags):
        if tags[i] == "O":
            i += 1
            continue
        kind, j = tags[i][2:], i + 1
        while j < len(tags) and tags[j] == "I-" + kind:
            j += 1
        out.add((i, j, kind))
        i = j
    return out


class EntitiesQuality(unittest.TestCase):
    def test_dev_f1_through_sql(self):
        docs = read_conll(shared_path("data", "conll2003", "dev.txt"))
        db = connect()
        gold_n = pred_n = correct = 0
        for doc in docs:
            pieces, where, pos = [], [], 0  # where: (sentence, token) by char offset
            starts = {}
            for s, sent in enumerate(doc):
                for t, (word, _) in enumerate(sent):
                    if pieces:
                        pieces.append("\n" if t == 0 else " ")
                        pos += 1
                    starts[pos] = (s, t)
                    where.append((pos, pos + len(word), s, t))
                    pieces.append(word)
                    pos += len(word)
            text = "".join(pieces)
            pred = [["O"] * len(sent) for sent in doc]
            for start, length, kind in db.execute(
                    "SELECT start, length, type FROM news_entities(?)", (text,)):
                a, b = start - 1, start - 1 + length
                covered = [(s, t) for (x, y, s, t) in where if x < b and y > a]
                for k, (s, t) in enumerate(covered):
                    pred[s][t] = ("B-" if k == 0 else "I-") + kind
            for sent, p in zip(doc, pred):
                g, q = chunks([tag for _, tag in sent]), chunks(p)
                gold_n, pred_n, correct = gold_n + len(g), pred_n + len(q), correct + len(g & q)
        precision, recall = correct / pred_n, correct / gold_n
        f1 = 2 * precision * recall / (precision + recall)
        print(f"\n  dev through news_entities: P {precision:.4f} R {recall:.4f} F1 {f1:.4f}")
        self.assertGreater(f1, F1_FLOOR)


if __name__ == "__main__":
    unittest.main()
