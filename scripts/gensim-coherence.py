#!/usr/bin/python3
"""Reference coherence with gensim (Debian python3-gensim), for checking Actorscope's own.

Input (JSON file, argv[1]): {"texts": [[token, ...], ...], "topics": [[term, ...], ...], "window": 10}
Output (JSON on stdout): {"gensim": version, "c_npmi": [...], "u_mass": [...], "npmi_document": [...]}
per topic, in the order given. c_npmi and u_mass are CoherenceModel's own; npmi_document is gensim's
normalised log-ratio measure over boolean documents (its p_boolean_document estimator), which
CoherenceModel has no name for.
"""
import json
import sys

import gensim
from gensim.corpora import Dictionary
from gensim.models.coherencemodel import CoherenceModel
from gensim.topic_coherence import direct_confirmation_measure, probability_estimation, segmentation


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        spec = json.load(f)
    texts, topics, window = spec["texts"], spec["topics"], int(spec.get("window", 10))
    dictionary = Dictionary(texts)
    corpus = [dictionary.doc2bow(t) for t in texts]
    topn = max(len(t) for t in topics)
    npmi = CoherenceModel(topics=topics, texts=texts, dictionary=dictionary, coherence="c_npmi",
                          window_size=window, topn=topn, processes=1).get_coherence_per_topic()
    umass = CoherenceModel(topics=topics, corpus=corpus, dictionary=dictionary, coherence="u_mass",
                           topn=topn, processes=1).get_coherence_per_topic()
    ids = [[dictionary.token2id[w] for w in t] for t in topics]
    seg = segmentation.s_one_one(ids)
    acc = probability_estimation.p_boolean_document(corpus, seg)
    npmi_doc = direct_confirmation_measure.log_ratio_measure(seg, acc, normalize=True)
    json.dump({"gensim": gensim.__version__, "c_npmi": [float(x) for x in npmi],
               "u_mass": [float(x) for x in umass], "npmi_document": [float(x) for x in npmi_doc]},
              sys.stdout)


if __name__ == "__main__":
    main()
