"""A playbook as a graph of steps: where each step can lead, for lint and pictures.

The engine decides one path at run time; lint and `recovery graph` need every path at
once. The edges here follow the engine's rules exactly: an answer takes its branch, or
else the step's `next`, or else the following step in the list, or else `end`; a step
whose `when` does not hold is passed over to its `next` (or following step) without
asking its question.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from functools import cached_property

from recovery_cli.playbook.models import END, Playbook


@dataclass(frozen=True)
class Edge:
    """One way out of a step: taken after an answer, as `next`, or by skipping the step."""

    source: str
    target: str
    answer: str | None = None
    skipped: bool = False


class Flow:
    """Every edge of a playbook, and the questions lint asks of them."""

    def __init__(self, playbook: Playbook) -> None:
        self.playbook = playbook
        self.index: dict[str, int] = {}
        for number, step in enumerate(playbook.steps):
            self.index.setdefault(step.id, number)

    @cached_property
    def edges(self) -> dict[str, list[Edge]]:
        """Step id -> its ways out (a target may be unknown: validation reports that)."""
        result: dict[str, list[Edge]] = {}
        for step_id, number in self.index.items():
            step = self.playbook.steps[number]
            following = self.playbook.next_after(number)
            out: list[Edge] = []
            if step.question is not None:
                for answer in step.question.choices:
                    out.append(Edge(step_id, step.branches.get(answer, following), answer))
            else:
                out.append(Edge(step_id, following))
            if step.when is not None:
                out.append(Edge(step_id, following, skipped=True))
            result[step_id] = out
        return result

    def known(self, target: str) -> bool:
        return target == END or target in self.index

    @property
    def start(self) -> str:
        return self.playbook.steps[0].id

    def reachable(self) -> set[str]:
        """Steps some path from the first step can visit."""
        seen = {self.start}
        queue = deque([self.start])
        while queue:
            for edge in self.edges.get(queue.popleft(), []):
                if self.known(edge.target) and edge.target not in seen:
                    seen.add(edge.target)
                    queue.append(edge.target)
        return seen

    def trapped(self) -> list[str]:
        """Steps in a reachable loop that no path leaves for `end`, in document order.

        A branch to an unknown step counts as a way out: that mistake is reported on
        its own, and a second finding for it would only confuse.
        """
        leads_out = {END}
        changed = True
        while changed:
            changed = False
            for step_id, out in self.edges.items():
                if step_id not in leads_out and any(
                    e.target in leads_out or not self.known(e.target) for e in out
                ):
                    leads_out.add(step_id)
                    changed = True
        reached = self.reachable()
        stuck = {step_id for step_id in reached if step_id not in leads_out}
        return [s.id for s in self.playbook.steps if s.id in stuck and self._returns(s.id, stuck)]

    def _returns(self, start: str, within: set[str]) -> bool:
        """Whether some path from `start`, staying `within`, comes back to it: a loop."""
        seen: set[str] = set()
        stack = [start]
        while stack:
            for edge in self.edges.get(stack.pop(), []):
                if edge.target == start:
                    return True
                if edge.target in within and edge.target not in seen:
                    seen.add(edge.target)
                    stack.append(edge.target)
        return False

    def path_without_draft(self, conditional: bool) -> list[str] | None:
        """A path from the start to `end` on which no step adds a line to the draft.

        A step adds a line when it is shown, has suggestions and is `in_draft`. With
        `conditional` false, steps are assumed shown (their `when` holds); with it true,
        a conditional step may also be skipped.
        """
        parent: dict[str, str | None] = {self.start: None}
        queue = deque([self.start])
        while queue:
            here = queue.popleft()
            if here == END:
                path: list[str] = []
                node = parent[END]
                while node is not None:
                    path.append(node)
                    node = parent[node]
                return path[::-1]
            step = self.playbook.steps[self.index[here]]
            drafts = step.in_draft and bool(step.suggestions)
            for edge in self.edges.get(here, []):
                if edge.skipped and not conditional:
                    continue
                if drafts and not edge.skipped:
                    continue
                if self.known(edge.target) and edge.target not in parent:
                    parent[edge.target] = here
                    queue.append(edge.target)
        return None

    def answered_before(self) -> dict[str, set[str]]:
        """Step id (or `end`) -> the questions answered on every path before it is shown.

        A forward data-flow: what is answered on arrival is what every way in has in
        common; leaving a step adds its question's answer unless the step was skipped.
        """
        everything = {q.id for q in self.playbook.questions()}
        answered: dict[str, set[str]] = {step_id: set(everything) for step_id in self.index}
        answered[END] = set(everything)
        answered[self.start] = set()
        reached = self.reachable()
        changed = True
        while changed:
            changed = False
            incoming: dict[str, set[str] | None] = {target: None for target in answered}
            incoming[self.start] = set()
            for step_id in reached:
                step = self.playbook.steps[self.index[step_id]] if step_id != END else None
                if step is None:
                    continue
                for edge in self.edges.get(step_id, []):
                    if not self.known(edge.target):
                        continue
                    out = set(answered[step_id])
                    if step.question is not None and not edge.skipped:
                        out.add(step.question.id)
                    current = incoming[edge.target]
                    incoming[edge.target] = out if current is None else current & out
            for target, value in incoming.items():
                if value is not None and value != answered[target]:
                    answered[target] = value
                    changed = True
        return answered
