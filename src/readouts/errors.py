"""The one exception every stage raises; cli.py turns it into `path:line: message`."""

from __future__ import annotations


class ReadoutsError(Exception):
    """A problem the user can fix: bad input, a missing file, a name we cannot resolve.

    Anything else that escapes is a bug and should show its traceback.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.hint = hint

    def __reduce__(self) -> tuple[type, tuple[str, str | None, int | None, str | None]]:
        # Keeps the path and line when an error crosses from a worker process.
        return (self.__class__, (self.message, self.path, self.line, self.hint))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        text = where + self.message
        if self.hint:
            text += f"\nhint: {self.hint}"
        return text


class ReadoutsErrors(ReadoutsError):
    """Several problems found in one pass, so the user can fix them all at once."""

    def __init__(self, errors: list[ReadoutsError]) -> None:
        super().__init__(f"{len(errors)} problems found")
        self.errors = errors

    def __reduce__(self) -> tuple[type, tuple[list[ReadoutsError]]]:  # type: ignore[override]
        return (self.__class__, (self.errors,))

    def __str__(self) -> str:
        return "\n".join(str(e) for e in self.errors)
