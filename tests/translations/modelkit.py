"""Tiny genuine translation models, built at test time (no downloads, no training).

A hand-wired CTranslate2 transformer copies its input: the encoder writes a code of each
token and its position; at decoding step t, cross-attention looks at source position t
and the output projection turns the copied code back into a token. Giving the projection
a permutation of the vocabulary makes a model whose output differs from its input in a
known way, so tests can assert exact MT output produced by the real engine.
"""

import io
import json
import random
import tempfile
import zipfile
from pathlib import Path

import numpy as np
import sentencepiece as spm
from ctranslate2.specs import transformer_spec

CORPUS = [
    "Hà Nội là thủ đô của Việt Nam.",
    "Vịnh Hạ Long là Di sản Thế giới từ năm 1994.",
    "Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập ngày 2 tháng 9 năm 1945.",
    "Chính phủ đã họp báo chiều nay tại Đà Nẵng.",
    "The government held a press conference this afternoon.",
    "Ha Long Bay has been a World Heritage Site since 1994.",
    "0123456789 ,.;:!?()\"'-%/",
    "ນະຄອນຫຼວງວຽງຈັນ ອ່າວຮ່າລອງ",
    "ភ្នំពេញ ឈូងសមុទ្រហាឡុង",
    "河内是越南的首都。下龙湾",
]
SPECIAL = 3  # <unk>, <s>, </s>


def train_sentencepiece(vocab_size: int = 400, corpus: list[str] = CORPUS) -> bytes:
    buffer = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(corpus * 50),
        model_writer=buffer,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        byte_fallback=True,
        hard_vocab_limit=False,
        minloglevel=2,
        pad_id=-1,
    )
    return buffer.getvalue()


def vocabulary(sp_bytes: bytes) -> list[str]:
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    return [sp.id_to_piece(i) for i in range(sp.get_piece_size())]


def permutation(vocab: list[str], seed: int = 7) -> dict[int, int]:
    """A fixed shuffle of the ordinary pieces; special and byte pieces map to themselves."""
    movable = [i for i, piece in enumerate(vocab) if i >= SPECIAL and not piece.startswith("<0x")]
    shuffled = movable[:]
    random.Random(seed).shuffle(shuffled)
    return dict(zip(movable, shuffled, strict=True))


def expected_output(sp_bytes: bytes, text: str, mapping: dict[int, int] | None) -> str:
    """What a copy model with ``mapping`` outputs for one sentence (reference, not engine)."""
    sp = spm.SentencePieceProcessor(model_proto=sp_bytes)
    ids = sp.encode(text)
    if mapping:
        ids = [mapping.get(i, i) for i in ids]
    return sp.decode(ids)


def build_copy_model(
    out_dir: Path,
    vocab: list[str],
    mapping: dict[int, int] | None = None,
    extra_tokens: list[str] = (),
    add_source_eos: bool = True,
    code_dim: int = 64,
    n_freq: int = 16,
    max_len: int = 512,
    d_model: int | None = None,
    layers: int = 1,
    heads: int = 1,
    ffn_dim: int = 1,
) -> None:
    """Write a CTranslate2 model that outputs mapping[token] for each input token.

    Layout of the model dimension: [position code | token code | zeros]. Cross-attention
    head 0 matches decoder step t to source position t and copies the token code; every
    other head, layer and FFN has zero weights, which cost as much to run as trained ones,
    so ``d_model=512, layers=6, heads=8, ffn_dim=2048`` runs at transformer-base speed.
    """
    vocab = [*vocab, *extra_tokens]
    n_tok = len(vocab)
    P, V = 4 * n_freq, code_dim
    d = d_model or P + V
    head_dim = d // heads
    if P > head_dim:
        raise ValueError("the position code must fit in one attention head")
    rng = np.random.default_rng(0)
    codes = rng.choice([-1.0, 1.0], size=(n_tok, V)).astype(np.float32)
    thetas = np.pi * np.geomspace(1.0, 1.0 / (2 * max_len), n_freq)
    steps = np.arange(max_len)
    positions = np.zeros((max_len, d), np.float32)
    for i, theta in enumerate(thetas):
        c, s = np.cos(theta * steps), np.sin(theta * steps)
        positions[:, 4 * i : 4 * i + 4] = np.stack([c, s, -c, -s], 1)
    delta = np.arange(1, max_len)
    margin = (2 * (1 - np.cos(np.outer(delta, thetas)))).sum(1).min()
    sigma_dec = np.sqrt(2 * n_freq / d)
    sigma_enc = np.sqrt((V + 2 * n_freq) / d)
    alpha = 25.0 * sigma_dec * sigma_enc * np.sqrt(head_dim) / margin
    pos, tok = slice(0, P), slice(P, P + V)

    def zeros(*shape):
        return np.zeros(shape, np.float32)

    def layer_norm(spec):
        spec.gamma = np.ones(d, np.float32)
        spec.beta = zeros(d)

    def linear(spec, weight):
        spec.weight = np.asarray(weight, np.float32)
        spec.bias = zeros(weight.shape[0])

    def passthrough(layer):
        layer_norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], zeros(3 * d, d))
        linear(layer.self_attention.linear[1], zeros(d, d))
        layer_norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, zeros(ffn_dim, d))
        linear(layer.ffn.linear_1, zeros(d, ffn_dim))

    spec = transformer_spec.TransformerSpec.from_config((layers, layers), heads)
    embeddings = zeros(n_tok, d)
    embeddings[:, tok] = codes
    encoder, decoder = spec.encoder, spec.decoder
    encoder.embeddings[0].weight = embeddings
    encoder.scale_embeddings = False
    encoder.position_encodings.encodings = positions
    layer_norm(encoder.layer_norm)
    for layer in encoder.layer:
        passthrough(layer)
    decoder.embeddings.weight = zeros(n_tok, d)
    decoder.scale_embeddings = False
    decoder.position_encodings.encodings = positions
    layer_norm(decoder.layer_norm)
    projection = zeros(n_tok, d)
    for source_id in range(n_tok):
        target_id = mapping.get(source_id, source_id) if mapping else source_id
        projection[target_id, tok] = 60.0 * codes[source_id] / V
    linear(decoder.projection, projection)
    for number, layer in enumerate(decoder.layer):
        passthrough(layer)
        layer_norm(layer.attention.layer_norm)
        query, key_value, output = zeros(d, d), zeros(2 * d, d), zeros(d, d)
        if number == 0:
            query[pos, pos] = alpha * np.eye(P)  # head 0 asks for its own step...
            key_value[pos, pos] = np.eye(P)  # ...each source position answers...
            key_value[d : d + V, tok] = np.eye(V)  # ...with its token code (head 0 value)
            output[tok, 0:V] = np.eye(V)  # written back into the token dimensions
        linear(layer.attention.linear[0], query)
        linear(layer.attention.linear[1], key_value)
        linear(layer.attention.linear[2], output)
    spec.register_source_vocabulary(vocab)
    spec.register_target_vocabulary(vocab)
    spec.config.add_source_eos = add_source_eos
    spec.validate()
    spec.optimize(quantization=None)
    out_dir.mkdir(parents=True, exist_ok=True)
    spec.save(str(out_dir))


def _zip_directory(root: Path, archive_path: Path) -> Path:
    with zipfile.ZipFile(archive_path, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(root.parent))
    return archive_path


def build_argos_package(
    dest: Path,
    from_code: str,
    to_code: str,
    sp_bytes: bytes,
    mapping: dict[int, int] | None = None,
    version: str = "1.0",
) -> Path:
    """A real .argosmodel zip: metadata.json, sentencepiece.model and model/."""
    name = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        root.mkdir()
        (root / "sentencepiece.model").write_bytes(sp_bytes)
        build_copy_model(root / "model", vocabulary(sp_bytes), mapping)
        metadata = {
            "package_version": version,
            "argos_version": "1.9.0",
            "from_code": from_code,
            "to_code": to_code,
            "from_name": from_code,
            "to_name": to_code,
            "type": "translate",
        }
        (root / "metadata.json").write_text(json.dumps(metadata))
        dest.mkdir(parents=True, exist_ok=True)
        return _zip_directory(root, dest / f"{name}.argosmodel")


def build_multilingual_package(
    dest: Path,
    languages: list[str],
    sp_bytes: bytes,
    mapping: dict[int, int] | None = None,
    name: str = "m2m-tiny",
) -> Path:
    """A multilingual (M2M-100 style) package: language tokens, no source EOS added."""
    tokens = {code: f"__{code}__" for code in languages}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / name
        root.mkdir()
        (root / "sentencepiece.model").write_bytes(sp_bytes)
        build_copy_model(
            root / "model",
            vocabulary(sp_bytes),
            mapping,
            extra_tokens=list(tokens.values()),
            add_source_eos=False,
        )
        metadata = {"type": "multilingual", "version": "1", "languages": tokens}
        (root / "metadata.json").write_text(json.dumps(metadata))
        dest.mkdir(parents=True, exist_ok=True)
        return _zip_directory(root, dest / f"{name}.zip")
