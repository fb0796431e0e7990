#!/usr/bin/python3
"""Judges topic models fitted on the same tokens, vocabulary and k (scripts/bench-topics).

argv[1]: the spec Actorscope's `bench-topics --spec` wrote: {"corpus", "k", "topn", "seed", "label",
"vocabulary", "texts" (each article's topic tokens), "labels" (each article's label or null), "ours":
{"name", "seconds", "topics", "dominant"}}. argv[2]: MALLET's output (scripts/mallet/MalletLda.java).
Options: --passes N --workers N (gensim LdaMulticore). Fits gensim LdaMulticore on the same bags of words,
then judges the three with gensim's CoherenceModel: c_npmi (top `topn` terms, boolean sliding window of
10 over the texts, as gensim 4.2 counts them) and u_mass (document co-occurrence), and by each article's
dominant topic against its label: purity, NMI (arithmetic normalisation) and the share of judged
articles in the largest topic. Prints a markdown table, each model's topics, and a JSON line.
"""
import argparse
import json
import math
import time
from collections import Counter

import gensim
from gensim.corpora import Dictionary
from gensim.models import LdaMulticore
from gensim.models.coherencemodel import CoherenceModel


def agreement(dominant, labels, k):
    pairs = [(t, l) for t, l in zip(dominant, labels) if t >= 0 and l is not None]
    n = len(pairs)
    if n == 0:
        return float("nan"), float("nan"), float("nan")
    by_topic = Counter(t for t, _ in pairs)
    by_label = Counter(l for _, l in pairs)
    cells = Counter(pairs)
    purity = sum(max(c for (t2, _), c in cells.items() if t2 == t) for t in by_topic) / n
    mi = sum(c / n * math.log(c * n / (by_topic[t] * by_label[l])) for (t, l), c in cells.items())
    ht = -sum(c / n * math.log(c / n) for c in by_topic.values())
    hl = -sum(c / n * math.log(c / n) for c in by_label.values())
    nmi = 1.0 if ht + hl == 0 else mi / ((ht + hl) / 2)
    largest = max(by_topic.values()) / n
    return purity, nmi, largest


def read_mallet(path):
    out = {"topics": [], "dominant": []}
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if not p:
                continue
            if p[0] == "seconds":
                out["seconds"] = float(p[1])
            elif p[0] == "alpha_sum":
                out["alpha_sum"] = float(p[1])
            elif p[0] == "beta":
                out["beta"] = float(p[1])
            elif p[0] == "topic":
                out["topics"].append(p[2:])
            elif p[0] == "dominant":
                out["dominant"].append(int(p[1]))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("mallet")
    ap.add_argument("--passes", type=int, default=10)
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--mallet-name", default="MALLET 2.1.1")
    ap.add_argument("--label-map", help="TSV: raw label, judged label (e.g. ISO3 speaker -> continent)")
    ap.add_argument("--label-name", help="what the judged label is, for the report")
    a = ap.parse_args()
    with open(a.spec, encoding="utf-8") as f:
        spec = json.load(f)
    if a.label_map:
        with open(a.label_map, encoding="utf-8") as f:
            mapping = dict(line.rstrip("\n").split("\t") for line in f if "\t" in line)
        spec["labels"] = [None if l is None else mapping.get(l, l) for l in spec["labels"]]
    if a.label_name:
        spec["label"] = a.label_name
    k, topn, texts, labels, vocab = spec["k"], spec["topn"], spec["texts"], spec["labels"], spec["vocabulary"]
    index = {w: i for i, w in enumerate(vocab)}
    corpus = []
    for t in texts:
        c = Counter(index[w] for w in t if w in index)
        corpus.append(sorted(c.items()))
    id2word = {i: w for w, i in index.items()}
    start = time.perf_counter()
    lda = LdaMulticore(corpus=corpus, num_topics=k, id2word=id2word, passes=a.passes, workers=a.workers,
                       random_state=spec["seed"])
    g_seconds = time.perf_counter() - start
    g_topics = [[w for w, _ in lda.show_topic(t, topn=topn)] for t in range(k)]
    g_dominant = []
    for bow in corpus:
        if not bow:
            g_dominant.append(-1)
        else:
            g_dominant.append(max(lda.get_document_topics(bow, minimum_probability=0.0), key=lambda x: x[1])[0])
    mallet = read_mallet(a.mallet)
    ours = spec["ours"]
    models = [
        (ours["name"], ours["seconds"], ours["topics"], ours["dominant"]),
        ("gensim %s LdaMulticore (%d passes, %d worker%s)" % (gensim.__version__, a.passes, a.workers,
                                                              "" if a.workers == 1 else "s"),
         g_seconds, g_topics, g_dominant),
        (a.mallet_name, mallet["seconds"], mallet["topics"], mallet["dominant"]),
    ]
    dictionary = Dictionary(texts)
    bows = [dictionary.doc2bow(t) for t in texts]
    judged = sum(1 for l in labels if l is not None)
    print("%s: %d articles (%d labelled, %d labels: %s), vocabulary %d, k %d, top %d terms" % (
        spec["corpus"], len(texts), judged, len(set(l for l in labels if l is not None)), spec["label"],
        len(vocab), k, topn))
    print()
    print("| model | fit s | NPMI (c_npmi) | UMass | purity | NMI | largest topic |")
    print("|---|---|---|---|---|---|---|")
    summary = {"corpus": spec["corpus"], "k": k, "models": []}
    per_topic = []
    for name, seconds, topics, dominant in models:
        npmi = CoherenceModel(topics=topics, texts=texts, dictionary=dictionary, coherence="c_npmi",
                              window_size=10, topn=topn, processes=1).get_coherence_per_topic()
        umass = CoherenceModel(topics=topics, corpus=bows, dictionary=dictionary, coherence="u_mass",
                               topn=topn, processes=1).get_coherence_per_topic()
        purity, nmi, largest = agreement(dominant, labels, k)
        mean_npmi = sum(npmi) / len(npmi)
        mean_umass = sum(umass) / len(umass)
        print("| %s | %.1f | %.4f | %.3f | %.3f | %.3f | %.1f %% |" % (name, seconds, mean_npmi, mean_umass, purity,
                                                                     nmi, 100 * largest))
        summary["models"].append({"model": name, "seconds": seconds, "npmi": mean_npmi, "umass": mean_umass,
                                  "purity": purity, "nmi": nmi, "largest_topic_share": largest})
        per_topic.append((name, topics, npmi, dominant))
    print()
    for name, topics, npmi, dominant in per_topic:
        size = Counter(d for d in dominant if d >= 0)
        print("%s topics (NPMI, articles dominant):" % name)
        for t, (words, s) in enumerate(zip(topics, npmi)):
            print("  %2d  %+.3f  %4d  %s" % (t, s, size.get(t, 0), " ".join(words)))
        print()
    print("json " + json.dumps(summary))


if __name__ == "__main__":
    main()
