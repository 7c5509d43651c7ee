#!/usr/bin/env bash
# Starts the real desktop app under Xvfb on a small dataset and writes screenshots to assets/:
#   welcome.png        first start, no dataset
#   labeling-light.png the labeling view after the simulated oracle labeled a few batches (1280x800)
#   labeling-dark.png  the same dataset reopened (where it was left) in the dark theme
#   labeling-topics.png AG News (4 topics, keys 1 to 4) after the oracle labeled a few batches
#   labeling-{light,dark}-1920.png, labeling-topics-{light,dark}[-1920].png: the same at 1920x1080 and in
#   the other theme
# Installs Xvfb, ImageMagick and GTK with apt when they are missing. Usage:
#   scripts/screenshots.sh [DATA.csv]   (default: ../shared/data/imdb/imdb_sample_1k.csv)
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/data/imdb/imdb_sample_1k.csv}
DISPLAY_NUMBER=${DISPLAY_NUMBER:-:99}
ORACLE_SECONDS=${ORACLE_SECONDS:-240}
ROUNDS=${ROUNDS:-6}

need=()
command -v Xvfb >/dev/null || need+=(xvfb)
command -v import >/dev/null || need+=(imagemagick)
ldconfig -p | grep -q libgtk-3.so.0 || need+=(libgtk-3-0)
if ((${#need[@]})); then
    SUDO=$([ "$(id -u)" = 0 ] && echo "" || echo sudo)
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi

[ -f target/active-labeler.jar ] || ./mvnw -q -B package -DskipTests
HOME_DIR=$(mktemp -d)
XVFB_PID=
APP_PID=
cleanup() {
    [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null || true
    [ -n "$XVFB_PID" ] && kill "$XVFB_PID" 2>/dev/null || true
    rm -rf "$HOME_DIR"
}
trap cleanup EXIT

Xvfb "$DISPLAY_NUMBER" -screen 0 1920x1080x24 -nolisten tcp &
XVFB_PID=$!
sleep 2

# Starts the app with no command (the GUI), waits until "$ready" succeeds (at most $limit seconds),
# takes a screenshot, and stops the app.
SIZE=1280x800
shot() {
    local name=$1 limit=$2 ready=$3
    shift 3
    DISPLAY=$DISPLAY_NUMBER ACTIVE_LABELER_HOME=$HOME_DIR java -Dactivelabeler.window.size=$SIZE "$@" \
        -jar target/active-labeler.jar \
        >"$HOME_DIR/app.log" 2>&1 &
    APP_PID=$!
    local waited=0
    until eval "$ready" || ((waited >= limit)); do
        sleep 2
        waited=$((waited + 2))
    done
    sleep 3
    DISPLAY=$DISPLAY_NUMBER import -window root -crop "$SIZE+0+0" +repage "assets/$name.png"
    kill "$APP_PID"
    wait "$APP_PID" 2>/dev/null || true
    APP_PID=
    echo "assets/$name.png after ${waited}s"
}

# The app writes one round.holdout.<id> line to desktop.properties per finished retrain.
rounds() {
    local n
    n=$(grep -c '^round.holdout' "$HOME_DIR/desktop.properties" 2>/dev/null || true)
    echo "${n:-0}"
}

shot welcome 10 false
java -jar target/active-labeler.jar import --data "$DATA" --db "$HOME_DIR" 2>/dev/null
ID=$(java -jar target/active-labeler.jar datasets --db "$HOME_DIR" | awk '$1 ~ /^[0-9]+$/ {print $1; exit}')
printf 'dataset.last=%s\nbatch=25\nannotator=demo\ntheme=light\n' "${ID:-1}" >"$HOME_DIR/desktop.properties"
shot labeling-light "$ORACLE_SECONDS" '(( $(rounds) >= ROUNDS ))' -Dactivelabeler.oracle=6
sed -i 's/^theme=light/theme=dark/' "$HOME_DIR/desktop.properties"
shot labeling-dark 20 false
SIZE=1920x1080 shot labeling-dark-1920 20 false
sed -i 's/^theme=dark/theme=light/' "$HOME_DIR/desktop.properties"
SIZE=1920x1080 shot labeling-light-1920 20 false

TOPICS=${TOPICS:-../shared/data/ag-news/ag_news_pool.csv.gz}
if [ -f "$TOPICS" ]; then
    java -jar target/active-labeler.jar import --data "$TOPICS" --labels "World,Sports,Business,Sci/Tech" \
        --db "$HOME_DIR" 2>/dev/null
    ID=$(java -jar target/active-labeler.jar datasets --db "$HOME_DIR" | awk '$1 ~ /^[0-9]+$/ {print $1; exit}')
    printf 'dataset.last=%s\nbatch=25\nannotator=demo\ntheme=light\n' "${ID:-2}" >"$HOME_DIR/desktop.properties"
    # more rounds than the reviews: the retrain after the vectors are in shows the embeddings in use
    shot labeling-topics $((ORACLE_SECONDS * 2)) '(( $(rounds) >= ROUNDS + 5 ))' -Dactivelabeler.oracle=6
    SIZE=1920x1080 shot labeling-topics-light-1920 20 false
    sed -i 's/^theme=light/theme=dark/' "$HOME_DIR/desktop.properties"
    shot labeling-topics-dark 20 false
    SIZE=1920x1080 shot labeling-topics-dark-1920 20 false
fi
