from typing import Literal

CommandState = Literal["completed", "failed", "waiting"]

COMMAND_STATE_VALUES: set[CommandState] = {
    "completed",
    "failed",
    "waiting",
}


def check_command_state(value: str) -> CommandState:
    if value in COMMAND_STATE_VALUES:
        return value
    raise TypeError(
        f"Unexpected value {value!r}. Expected one of {COMMAND_STATE_VALUES!r}"
    )
