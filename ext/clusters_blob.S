/* The word-class table (ext/data/clusters.bin, written by
   tools/build-clusters.py) linked read-only into the library;
   ext/clusters.c reads it in place between these two symbols. */
	.section .rodata.nd_clusters,"a",@progbits
	.balign 8
	.globl nd_clusters_blob
	.hidden nd_clusters_blob
nd_clusters_blob:
	.incbin "ext/data/clusters.bin"
	.globl nd_clusters_blob_end
	.hidden nd_clusters_blob_end
nd_clusters_blob_end:
	.section .note.GNU-stack,"",@progbits
