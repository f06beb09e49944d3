/*
** The entity model (ext/data/ner.model, built by `make model`) linked into
** the library, so that it needs no data path. Symbols are hidden: only the
** engine (ext/ner_model.c) reads them.
*/
        .section .rodata
        .balign 64
        .globl nd_ner_blob
        .hidden nd_ner_blob
nd_ner_blob:
        .incbin "ext/data/ner.model"
nd_ner_blob_end:
        .balign 8
        .globl nd_ner_blob_size
        .hidden nd_ner_blob_size
nd_ner_blob_size:
        .quad nd_ner_blob_end - nd_ner_blob
        .section .note.GNU-stack,"",@progbits
