# The two commands a newcomer types. Everything they need is installed or created by the scripts
# they call, idempotently, so both work on a fresh clone on a fresh machine.
.PHONY: run test deps build models db stop format

run:
	@bash eng/run.sh

test:
	@bash eng/test.sh

deps:
	@bash eng/deps.sh

db:
	@bash eng/postgres/up.sh

stop:
	@bash eng/postgres/down.sh

format:
	dotnet format Governance.sln --verify-no-changes
