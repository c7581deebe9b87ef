#!/usr/bin/env python3
"""Runs the shell and JShell examples of the project's READMEs, as a user would type them.

Every ```sh block of every README is read from the Markdown, and each command in it runs from
the repository root (in a scratch folder that links to the repository's top-level folders and
holds the files the READMEs name but do not ship, see FIXTURES), and must exit with 0. Every
JShell session (lines starting with 'jshell>' in a ```text block, after a 'jshell --class-path'
command in the same README) runs in JShell with that class path and must print no error or
exception; the blocks after one 'jshell' command are one session, as a user types them. The 'Use it from Maven' section of README.md must name the compiler and surefire
plugin versions that examples/maven-consumer builds with.

Skipped, with the reason printed (so that the run stays at about a minute, needs no network and
does not run Maven inside Maven): Maven commands (their -pl modules and -Dtest classes must
exist), the full benchmark run and the paired-jar comparison (it needs an older checkout).

Needs the command's jar (cli/target/framelens.jar): run it after 'mvn verify' (.ci/run does).
Usage: .ci/readme_examples.py [README ...]   (default: every README of the project)
Exit code: 0 when every example runs, 1 otherwise (each failure names its file and line).
"""
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
READMES = ["README.md", "core/README.md", "lexicons/README.md", "benchmarks/README.md"]
TIMEOUT = 300

# Files the READMEs use by name without shipping them: where each comes from.
FIXTURES = {
    # "A complete lexicon, saved as valdoria.fl" (lexicons/README.md, the quick start)
    "valdoria.fl": ("block-after", "lexicons/README.md", "A complete lexicon, saved as `valdoria.fl`"),
    # "With this lexicon and an eight-line corpus of reports from the Karsk valley" (README.md)
    "karsk.fl": ("block-after", "README.md", "With this lexicon and an eight-line corpus"),
    # a corpus and a rule file "of your own"
    "news.jsonl": ("copy", "examples/corpus.jsonl"),
    "karsk.jsonl": ("copy", "examples/corpus.jsonl"),
    "my-rules.fl": ("copy", "examples/my-rules.fl"),
}

# Commands that do not pass yet, each with the reason; printed loudly, they do not fail the run.
# Remove an entry as soon as its cause is fixed (the run says when one passes again).
KNOWN = {}


def blocks(path):
    """(language, first line number of the body, body) for each fenced block of a file."""
    text = open(os.path.join(ROOT, path), encoding="utf-8").read()
    for m in re.finditer(r"^```(\w*)[^\n]*\n(.*?)^```", text, re.S | re.M):
        yield m.group(1), text[: m.start()].count("\n") + 2, m.group(2)


def commands(body, first_line):
    """The commands of a shell block: continuation lines joined, comments and blanks dropped."""
    out, pending, start = [], "", first_line
    for i, line in enumerate(body.splitlines()):
        if not pending:
            start = first_line + i
        stripped = re.sub(r"\s+#[^'\"]*$", "", line).strip()
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        command = (pending + stripped).strip()
        pending = ""
        if command and not command.startswith("#"):
            out.append((start, command))
    return out


def jshell_sessions(body, first_line):
    """The jshell> lines of a text block (with their '...>' continuations), or None."""
    lines = body.splitlines()
    if not any(l.startswith("jshell> ") for l in lines):
        return None
    snippets = []
    for line in lines:
        if line.startswith("jshell> "):
            snippets.append(line[len("jshell> "):])
        elif line.lstrip().startswith("...>") and snippets:
            snippets[-1] += "\n" + line.lstrip()[len("...>"):]
    return snippets


def make_scratch():
    """A folder that looks like the repository root, plus the fixtures."""
    scratch = tempfile.mkdtemp(prefix="readme-examples-")
    for name in os.listdir(ROOT):
        if name in ("framelens", ".git"):
            continue
        os.symlink(os.path.join(ROOT, name), os.path.join(scratch, name))
    # The launcher finds the jar next to itself: a wrapper runs the real one.
    launcher = os.path.join(scratch, "framelens")
    with open(launcher, "w") as f:
        f.write('#!/usr/bin/env bash\nexec "%s/framelens" "$@"\n' % ROOT)
    os.chmod(launcher, 0o755)
    for name, (kind, source, *rest) in FIXTURES.items():
        target = os.path.join(scratch, name)
        if kind == "copy":
            shutil.copy(os.path.join(ROOT, source), target)
        else:
            text = open(os.path.join(ROOT, source), encoding="utf-8").read()
            at = text.index(rest[0])
            m = re.compile(r"^```\w*\n(.*?)^```", re.S | re.M).search(text, at)
            with open(target, "w", encoding="utf-8") as f:
                f.write(m.group(1))
    return scratch


def maven_check(command):
    """What is wrong with a Maven command's modules and test names, or None."""
    problems = []
    for module in re.findall(r"-pl\s+(\S+)", command):
        for name in module.split(","):
            if not os.path.isfile(os.path.join(ROOT, name, "pom.xml")):
                problems.append("no module " + name)
    modules = [m for p in re.findall(r"-pl\s+(\S+)", command) for m in p.split(",")] or ["*"]
    for test in re.findall(r"-Dtest=['\"]?([^'\"\s]+)", command):
        for name in test.split(","):
            name = name.split("#")[0]
            found = [f for m in modules for f in glob.glob(os.path.join(
                ROOT, m, "src/test/java/**", name.replace("*", "*") + ".java"), recursive=True)]
            if not found:
                problems.append("no test class " + name)
    return "; ".join(problems) or None


def main(argv):
    readmes = argv[1:] or READMES
    jar = os.path.join(ROOT, "cli/target/framelens.jar")
    if not os.path.isfile(jar):
        print("readme examples: %s is missing; run 'mvn verify' first" % jar)
        return 1
    scratch = make_scratch()
    failures, known, ran, skipped = [], [], 0, 0
    try:
        maven_versions_check(failures)
        for readme in readmes:
            classpath = None
            session = []
            for lang, first, body in blocks(readme):
                if lang in ("sh", "bash"):
                    shell_lines = commands(body, first)
                else:
                    shell_lines = [(first + i, l[2:].split("  #")[0].strip())
                                   for i, l in enumerate(body.splitlines())
                                   if l.startswith("$ jshell ")]
                for line, command in shell_lines:
                    where = "%s:%d" % (readme, line)
                    if command.startswith("jshell "):
                        classpath = command
                        session = []
                        problem = check_classpath(command, scratch)
                        if problem:
                            failures.append("%s: %s\n    %s" % (where, command, problem))
                        continue
                    if re.match(r"^(\w+=\S+\s+)*mvn\s", command):
                        skipped += 1
                        problem = maven_check(command)
                        print("SKIPPED (Maven in Maven)  %s  %s" % (where, command))
                        if problem:
                            failures.append("%s: %s\n    %s" % (where, command, problem))
                        continue
                    if "benchmarks/target/benchmarks.jar" in command:
                        skipped += 1
                        print("SKIPPED (20 minutes, or an older checkout)  %s  %s"
                              % (where, command))
                        continue
                    ran += 1
                    result = subprocess.run(["bash", "-o", "pipefail", "-c", command],
                                            cwd=scratch, capture_output=True, text=True,
                                            timeout=TIMEOUT)
                    ok = result.returncode == 0
                    if command in KNOWN:
                        known.append("%s: %s (exit %d%s)\n    %s" % (
                            where, command, result.returncode,
                            "; it PASSES now: remove it from KNOWN" if ok else "",
                            KNOWN[command]))
                        continue
                    print("%s  %s  %s" % ("ok    " if ok else "FAILED", where, command))
                    if not ok:
                        failures.append("%s: %s\n    exit %d\n%s" % (
                            where, command, result.returncode,
                            indent((result.stderr or result.stdout)[-3000:])))
                if lang in ("text", "") :
                    snippets = jshell_sessions(body, first)
                    if snippets is None:
                        continue
                    where = "%s:%d" % (readme, first)
                    if classpath is None:
                        failures.append(where + ": a JShell session without a 'jshell "
                                        "--class-path' command before it")
                        continue
                    ran += 1
                    session += snippets
                    problem = run_jshell(classpath, session, scratch)
                    print("%s  %s  JShell session (%d snippets)" % (
                        "ok    " if problem is None else "FAILED", where, len(snippets)))
                    if problem:
                        failures.append("%s: JShell session\n%s" % (where, indent(problem)))
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    for k in known:
        print("KNOWN FAILURE, not counted: " + k)
    print("readme examples: %d run, %d skipped, %d known failures, %d failed"
          % (ran, skipped, len(known), len(failures)))
    for f in failures:
        print("FAILED " + f)
    return 1 if failures else 0


def indent(text):
    return "\n".join("    " + l for l in text.rstrip().splitlines())


def check_classpath(command, scratch):
    """Each entry of a jshell --class-path must exist once its $(...) parts are expanded."""
    m = re.search(r"--class-path\s+(\"[^\"]*\"|\S+)", command)
    if not m:
        return "no --class-path"
    result = subprocess.run(["bash", "-c", "printf %s " + m.group(1)], cwd=scratch,
                            capture_output=True, text=True)
    if result.returncode != 0 or result.stderr.strip():
        return result.stderr.strip()
    missing = [e for e in result.stdout.split(":")
               if not e or not os.path.exists(os.path.join(scratch, e))]
    return ("class path entries missing: " + ", ".join(missing)) if missing else None


def run_jshell(command, snippets, scratch):
    """Runs the snippets in JShell; the output if one failed, else None."""
    m = re.search(r"--class-path\s+(\"[^\"]*\"|\S+)", command)
    expanded = subprocess.run(["bash", "-c", "printf %s " + m.group(1)], cwd=scratch,
                              capture_output=True, text=True).stdout
    script = "\n".join(snippets) + "\n/exit\n"
    result = subprocess.run(["jshell", "--feedback", "normal", "--class-path", expanded],
                            input=script, cwd=scratch, capture_output=True, text=True,
                            timeout=TIMEOUT)
    out = result.stdout + result.stderr
    if result.returncode != 0 or re.search(r"\|\s+Error:|Exception|cannot find symbol", out):
        return out[-3000:]
    return None


def maven_versions_check(failures):
    """README's 'Use it from Maven' names the plugin versions the consumer example builds with."""
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    start = readme.index("## Use it from Maven")
    section = readme[start: readme.index("\n## ", start + 1)]
    pom = open(os.path.join(ROOT, "examples/maven-consumer/pom.xml"), encoding="utf-8").read()
    for plugin in ("maven-compiler-plugin", "maven-surefire-plugin"):
        want = re.search(r"<artifactId>%s</artifactId>\s*<version>([^<]+)</version>" % plugin, pom)
        have = re.search(r"<artifactId>%s</artifactId>\s*<version>([^<]+)</version>" % plugin,
                         section)
        if not have or have.group(1) != want.group(1):
            failures.append("README.md, 'Use it from Maven': %s must be version %s, as in "
                            "examples/maven-consumer/pom.xml (found %s)" % (
                                plugin, want.group(1), have.group(1) if have else "none"))
    if "<maven.compiler.release>17</maven.compiler.release>" not in section:
        failures.append("README.md, 'Use it from Maven': no <maven.compiler.release>17")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
