/* The gazetteer tables (ext/data/gazetteer.bin and the cross-validated
   training lists ext/data/gazetteer.folds, written by
   tools/build-gazetteers.py) linked read-only into the library;
   ext/gazetteer.c reads them in place between these symbols. */
	.section .rodata.nd_gazetteer,"a",@progbits
	.balign 8
	.globl nd_gazetteer_blob
	.hidden nd_gazetteer_blob
nd_gazetteer_blob:
	.incbin "ext/data/gazetteer.bin"
	.globl nd_gazetteer_blob_end
	.hidden nd_gazetteer_blob_end
nd_gazetteer_blob_end:
	.balign 8
	.globl nd_gazetteer_folds
	.hidden nd_gazetteer_folds
nd_gazetteer_folds:
	.incbin "ext/data/gazetteer.folds"
	.globl nd_gazetteer_folds_end
	.hidden nd_gazetteer_folds_end
nd_gazetteer_folds_end:
	.section .note.GNU-stack,"",@progbits
