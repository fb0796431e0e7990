#!/usr/bin/python3
"""gensim LdaMulticore (Debian python3-gensim) on the vocabulary and token lists Actorscope used.

Input (JSON, argv[1]): {"vocabulary": [...], "texts": [[...], ...], "k": 5, "passes": 10, "workers": 1,
"topn": 10, "seed": 42}. Output (JSON on stdout): {"seconds": wall time of LdaMulticore alone,
"topics": top terms per topic, "dominant": dominant topic per text (-1 when none of its words is in the
vocabulary), "c_npmi": gensim CoherenceModel c_npmi per topic on the same texts}.
"""
import json
import sys
import time

import gensim
from gensim.corpora import Dictionary
from gensim.models import LdaMulticore
from gensim.models.coherencemodel import CoherenceModel


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    vocab, texts = spec["vocabulary"], spec["texts"]
    dictionary = Dictionary()
    dictionary.token2id = {w: i for i, w in enumerate(vocab)}
    dictionary.id2token = {}
    index = dictionary.token2id
    corpus = []
    for t in texts:
        counts = {}
        for w in t:
            i = index.get(w)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        corpus.append(sorted(counts.items()))
    id2word = {i: w for w, i in index.items()}
    start = time.perf_counter()
    lda = LdaMulticore(corpus=corpus, num_topics=spec["k"], id2word=id2word, passes=spec["passes"],
                       workers=spec["workers"], random_state=spec["seed"])
    seconds = time.perf_counter() - start
    topics = [[w for w, _ in lda.show_topic(t, topn=spec["topn"])] for t in range(spec["k"])]
    dominant = []
    for bow in corpus:
        if not bow:
            dominant.append(-1)
            continue
        dist = lda.get_document_topics(bow, minimum_probability=0.0)
        dominant.append(max(dist, key=lambda x: x[1])[0])
    full = Dictionary(texts)
    npmi = CoherenceModel(topics=topics, texts=texts, dictionary=full, coherence="c_npmi", window_size=10,
                          topn=spec["topn"], processes=1).get_coherence_per_topic()
    json.dump({"gensim": gensim.__version__, "seconds": seconds, "topics": topics, "dominant": dominant,
               "c_npmi": [float(x) for x in npmi]}, sys.stdout)


if __name__ == "__main__":
    main()
