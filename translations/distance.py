"""Post-edit distance: how much a translator changed the MT output."""

from .markup import plain_text


def _tokens(text: str) -> list[str]:
    words = plain_text(text).split()
    # Scripts without spaces (Lao, Khmer, Chinese) are compared character by character.
    if len(words) <= 1 or max(len(w) for w in words) > 20:
        return [c for c in plain_text(text) if not c.isspace()]
    return words


def edit_distance(a: list[str], b: list[str]) -> int:
    previous = list(range(len(b) + 1))
    for i, item in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (item != other))
            )
        previous = current
    return previous[-1]


def post_edit_distance(machine: str, final: str) -> float:
    """Edits (insertions, deletions, substitutions) per token of the final text, 0 to 1."""
    machine_tokens, final_tokens = _tokens(machine), _tokens(final)
    longest = max(len(machine_tokens), len(final_tokens))
    if longest == 0:
        return 0.0
    return min(1.0, edit_distance(machine_tokens, final_tokens) / longest)
