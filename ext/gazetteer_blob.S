/* The gazetteer table (ext/data/gazetteer.bin, written by
   tools/build-gazetteers.py) linked read-only into the library;
   ext/gazetteer.c reads it in place between these two symbols. */
	.section .rodata.nd_gazetteer,"a",@progbits
	.balign 8
	.globl nd_gazetteer_blob
	.hidden nd_gazetteer_blob
nd_gazetteer_blob:
	.incbin "ext/data/gazetteer.bin"
	.globl nd_gazetteer_blob_end
	.hidden nd_gazetteer_blob_end
nd_gazetteer_blob_end:
	.section .note.GNU-stack,"",@progbits
