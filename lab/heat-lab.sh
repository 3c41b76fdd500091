#!/usr/bin/env bash
# heat-lab.sh - a real OpenStack Keystone + Heat on 127.0.0.1, from Debian 12's own
# packages, with MariaDB as their database. Everything it creates lives in one folder,
# ${HEAT_LAB_DIR:-/var/tmp/heat-lab}. See lab/README.md.
#
#   heat-lab.sh start     install what is missing, initialise on first run, start, wait until usable
#   heat-lab.sh stop      stop every process group the lab started (TERM, then KILL)
#   heat-lab.sh status    what runs; exit 0 only when everything is up and answering
#   heat-lab.sh restart-heat [--down-seconds N]
#                         stop only Heat, keep it down N s (default 5), start it, wait until usable
#   heat-lab.sh wipe      stop, then delete the state folder
#   heat-lab.sh env       print the path of the demo user's openrc file
#   heat-lab.sh selftest  smoke test with the reference CLI (the lab must be started)
#   heat-lab.sh install   only install the packages
set -euo pipefail
umask 022

# Only Debian's own programs, whatever the caller's PATH (pyenv shims, pip installs...).
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
# An OS_* variable of the caller must not steer the CLI calls made here.
while read -r _v; do unset "$_v"; done < <(compgen -e | grep '^OS_' || true)
unset _v

LAB=${HEAT_LAB_DIR:-/var/tmp/heat-lab}
LAB=${LAB%/}
START_TIMEOUT=${HEAT_LAB_START_TIMEOUT:-180}   # seconds, for each service to become ready
TOKEN_EXPIRATION=${HEAT_LAB_TOKEN_EXPIRATION:-3600}
CONVERGENCE=${HEAT_LAB_CONVERGENCE:-true}     # Heat's convergence engine (its default) or the legacy one
case $CONVERGENCE in true|false) ;; *) echo "[heat-lab] ERROR: HEAT_LAB_CONVERGENCE must be true or false" >&2; exit 1 ;; esac

HOST=127.0.0.1
KS_PORT=5000
HEAT_PORT=8004
KS_URL=http://$HOST:$KS_PORT/v3
HEAT_BASE=http://$HOST:$HEAT_PORT/v1
REGION=RegionOne
REGION2=RegionTwo                      # a second region whose orchestration endpoints are the same Heat (fleets)
SERVICES=(mariadb keystone heat)       # start order; stop goes the other way

PACKAGES=(keystone heat-api heat-engine python3-openstackclient python3-heatclient
          mariadb-server python3-pymysql uwsgi-core uwsgi-plugin-python3 curl procps util-linux)
PY=/usr/bin/python3

ETC=$LAB/etc
LOGS=$LAB/log
RUN=$LAB/run
DBDIR=$LAB/mysql
SOCK=$DBDIR/mysqld.sock
MYCNF=$ETC/my.cnf
KSCONF=$ETC/keystone/keystone.conf
KSUWSGI=$ETC/keystone-uwsgi.ini
HEATCONF=$ETC/heat.conf
SECRETS=$LAB/secrets.env

T0=$SECONDS
log()  { printf '[heat-lab +%3ds] %s\n' "$((SECONDS - T0))" "$*" >&2; }
warn() { printf '[heat-lab] WARNING: %s\n' "$*" >&2; }
die()  { printf '[heat-lab] ERROR: %s\n' "$*" >&2; exit 1; }

need_root() { [[ $EUID -eq 0 ]] || die "'$1' must run as root"; }

check_lab_path() {
    [[ $LAB == /* ]] || die "HEAT_LAB_DIR must be an absolute path (got '$LAB')"
    case $LAB in
        /|/root|/root/*|/home|/usr|/usr/*|/etc|/etc/*|/var|/tmp|/bin|/sbin|/lib*|/boot*|/proc*|/sys*|/dev*)
            die "HEAT_LAB_DIR='$LAB' is not a safe place for the lab (and the mysql user must traverse it)" ;;
    esac
    # the mysql socket path must fit in sun_path (108 bytes)
    (( ${#SOCK} < 100 )) || die "HEAT_LAB_DIR is too long for a unix socket path: $SOCK"
}

# A folder we may delete: it does not exist, is empty, or carries our marker.
lab_dir_is_ours() {
    [[ ! -e $LAB ]] && return 0
    [[ -d $LAB ]] || return 1
    [[ -f $LAB/.heat-lab ]] && return 0
    [[ -z $(ls -A "$LAB") ]]
}

LOCKED=
lock() {
    [[ -z $LOCKED ]] || return 0
    LOCKED=1
    exec 9>"$LAB.lock"
    flock -w 900 9 || die "another heat-lab.sh holds $LAB.lock"
}

# ---------------------------------------------------------------------------------------
# packages

missing_packages() {
    local p st
    for p in "${PACKAGES[@]}"; do
        st=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
        [[ $st == installed ]] || printf '%s\n' "$p"
    done
}

install_packages() {
    local missing rc=0 policy_made=
    mapfile -t missing < <(missing_packages)
    if ((${#missing[@]} == 0)); then return 0; fi
    need_root install
    log "packages: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    # Keep the packages from starting system-wide services (keystone on :5000, mariadb on
    # :3306) where an init system would let them: the lab runs its own copies.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
        printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
        chmod 755 /usr/sbin/policy-rc.d
        policy_made=1
    fi
    {
        apt-get update -q &&
        apt-get install -y -q --no-install-recommends -o Dpkg::Options::=--force-confdef \
            -o Dpkg::Options::=--force-confold "${missing[@]}"
    } > "/var/tmp/heat-lab-apt.log" 2>&1 || rc=$?
    [[ -n $policy_made ]] && rm -f /usr/sbin/policy-rc.d
    if ((rc != 0)); then
        tail -n 30 /var/tmp/heat-lab-apt.log >&2
        die "apt-get failed (full log: /var/tmp/heat-lab-apt.log)"
    fi
    log "packages: installed"
}

# ---------------------------------------------------------------------------------------
# processes: each service runs in its own process group; run/<svc>.pid and run/<svc>.pgid

# Is pid a live (not zombie) process of this lab? Ours = its command line names a config
# file of this state folder.
is_our_pid() {
    local pid=$1 st cmd
    [[ -r /proc/$pid/stat ]] || return 1
    st=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ $st != Z ]] || return 1
    cmd=$(tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null) || return 1
    [[ $cmd == *"$ETC/"* ]]
}

# Live, non-zombie members of process group $1 that are ours.
group_pids() {
    local g=$1 pid pgid stat
    while read -r pid pgid stat; do
        [[ $pgid == "$g" && $stat != Z* ]] || continue
        is_our_pid "$pid" && printf '%s\n' "$pid"
    done < <(ps -eo pid=,pgid=,stat=)
    return 0
}

# Every live process of ours (the daemons only), whatever its group: finds leftovers whose
# pid files were lost.
stray_pids() {
    local pid args exe
    while read -r pid args; do
        [[ $args == *"$ETC/"* ]] || continue
        exe=${args%% *}
        case ${exe##*/} in
            mariadbd|mysqld|uwsgi|uwsgi-core) ;;
            python3*) [[ $args == *heat-all* || $args == *keystone* ]] || continue ;;
            *) continue ;;
        esac
        is_our_pid "$pid" && printf '%s\n' "$pid"
    done < <(ps -eo pid=,args=)
    return 0
}

svc_pgid() { if [[ -f $RUN/$1.pgid ]]; then cat "$RUN/$1.pgid" 2>/dev/null || true; fi; }
svc_running() {
    local g; g=$(svc_pgid "$1")
    [[ -n $g ]] && [[ -n $(group_pids "$g") ]]
}

# Start a service in a new session (so its own process group), record pid and pgid.
launch() {
    local svc=$1 out=$2; shift 2
    mkdir -p "$RUN"
    # In a non-interactive bash the background child is no group leader, so setsid(1)
    # calls setsid() itself and execs: $! is the session leader and the group id.
    setsid "$@" < /dev/null >> "$out" 2>&1 9>&- &   # 9 = our lock: not for daemons
    local pid=$! pgid=
    local i
    for i in 1 2 3 4 5 6 7 8 9 10; do
        pgid=$(ps -o pgid= -p "$pid" 2>/dev/null | tr -d ' ' || true)
        [[ -n $pgid ]] && break
        sleep 0.1
    done
    [[ -n $pgid ]] || pgid=$pid
    echo "$pid" > "$RUN/$svc.pid"
    echo "$pgid" > "$RUN/$svc.pgid"
}

# Kill a group: TERM, wait up to $2 s, then KILL what is left.
kill_group() {
    local g=$1 grace=$2 i
    [[ -n $(group_pids "$g") ]] || return 0
    kill -TERM -- "-$g" 2>/dev/null || true
    for ((i = 0; i < grace * 5; i++)); do
        [[ -n $(group_pids "$g") ]] || return 0
        sleep 0.2
    done
    warn "process group $g outlived SIGTERM for ${grace}s; sending SIGKILL"
    kill -KILL -- "-$g" 2>/dev/null || true
    for ((i = 0; i < 25; i++)); do
        [[ -n $(group_pids "$g") ]] || return 0
        sleep 0.2
    done
    warn "process group $g still has processes: $(group_pids "$g" | tr '\n' ' ')"
}

stop_svc() {
    local svc=$1 grace g
    case $svc in mariadb) grace=30 ;; *) grace=5 ;; esac
    g=$(svc_pgid "$svc")
    if [[ -n $g && -n $(group_pids "$g") ]]; then
        log "stopping $svc (process group $g)"
        kill_group "$g" "$grace"
    fi
    rm -f "$RUN/$svc.pid" "$RUN/$svc.pgid"
}

stop_all() {
    local svc i pid strays=() recorded=" "
    for svc in "${SERVICES[@]}"; do recorded+="$(svc_pgid "$svc") "; done
    # First, leftovers outside the recorded groups (pid files lost, e.g. a state folder
    # deleted by hand while the lab ran): TERM, 5 s, KILL - one by one, not by group.
    for pid in $(stray_pids); do
        [[ $recorded == *" $(ps -o pgid= -p "$pid" | tr -d ' ') "* ]] || strays+=("$pid")
    done
    if ((${#strays[@]})); then
        warn "stopping leftover lab processes: ${strays[*]}"
        kill -TERM "${strays[@]}" 2>/dev/null || true
        for ((i = 0; i < 25; i++)); do
            for pid in "${strays[@]}"; do is_our_pid "$pid" && break; pid=; done
            [[ -n $pid ]] || break
            sleep 0.2
        done
        for pid in "${strays[@]}"; do is_our_pid "$pid" && kill -KILL "$pid" 2>/dev/null; done
    fi
    for ((i = ${#SERVICES[@]} - 1; i >= 0; i--)); do stop_svc "${SERVICES[i]}"; done
    rm -f "$RUN/keystone-uwsgi.pid" "$DBDIR/mysqld.pid" 2>/dev/null || true
    return 0
}

port_open() { (exec 3<>"/dev/tcp/$HOST/$1") 2>/dev/null; }

ensure_port_free() {
    local port=$1 svc=$2 i
    # A process of ours that was just killed can hold its socket a moment after it stopped counting
    # as ours (its command line reads empty while it exits): give it a few seconds.
    for ((i = 0; i < 25; i++)); do port_open "$port" || return 0; sleep 0.2; done
    if port_open "$port"; then
        ss -ltnp 2>/dev/null | grep -E ":$port\b" >&2 || true
        die "$HOST:$port is already in use by something that is not this lab's $svc (see above)"
    fi
}

svc_logs() {
    case $1 in
        mariadb)  echo "$LOGS/mariadb.log" ;;
        keystone) echo "$LOGS/keystone-uwsgi.log $LOGS/keystone.log" ;;
        heat)     echo "$LOGS/heat-all.out $LOGS/heat-all.log" ;;
    esac
}

fail_svc() {
    local svc=$1 why=$2 f
    printf '[heat-lab] ERROR: %s: %s\n' "$svc" "$why" >&2
    for f in $(svc_logs "$svc"); do
        [[ -s $f ]] || continue
        printf -- '----- tail of %s -----\n' "$f" >&2
        tail -n 40 "$f" >&2
    done
    exit 1
}

# wait_for SVC DESCRIPTION COMMAND...: until COMMAND succeeds; fail if SVC dies or on timeout.
wait_for() {
    local svc=$1 what=$2; shift 2
    local deadline=$((SECONDS + START_TIMEOUT))
    until "$@" > /dev/null 2>&1; do
        svc_running "$svc" || fail_svc "$svc" "exited while waiting for: $what"
        ((SECONDS < deadline)) || fail_svc "$svc" "timed out after ${START_TIMEOUT}s waiting for: $what"
        sleep 0.3
    done
}

# ---------------------------------------------------------------------------------------
# secrets and configuration (generated on every start from these heredocs)

rand_hex() { od -An -tx1 -N"$1" /dev/urandom | tr -d ' \n'; }

make_secrets() {
    [[ -s $SECRETS ]] && return 0
    (
        umask 077
        cat > "$SECRETS" <<EOF
ADMIN_PASSWORD=$(rand_hex 12)
DEMO_PASSWORD=$(rand_hex 12)
HEAT_PASSWORD=$(rand_hex 12)
HEAT_DOMAIN_ADMIN_PASSWORD=$(rand_hex 12)
KEYSTONE_DB_PASSWORD=$(rand_hex 12)
HEAT_DB_PASSWORD=$(rand_hex 12)
HEAT_AUTH_ENCRYPTION_KEY=$(rand_hex 16)
EOF
    )
}

load_secrets() {
    [[ -s $SECRETS ]] || die "no $SECRETS: the lab is not initialised (run: $0 start)"
    # shellcheck disable=SC1090
    . "$SECRETS"
}

db_url() { # user password database
    echo "mysql+pymysql://$1:$2@localhost/$3?unix_socket=$SOCK&charset=utf8mb4"
}

write_configs() {
    mkdir -p "$ETC/keystone" "$LOGS" "$RUN" "$LAB/keystone"
    chmod 700 "$ETC"
    umask 077

    cat > "$MYCNF" <<EOF
# generated by heat-lab.sh
[client]
socket = $SOCK
user = root

[mysqld]
user = mysql
datadir = $DBDIR/data
socket = $SOCK
pid-file = $DBDIR/mysqld.pid
tmpdir = $DBDIR/tmp
# no TCP at all: keystone and heat connect through the socket
skip-networking
bind-address = 127.0.0.1
skip-log-bin
skip-name-resolve
character-set-server = utf8mb4
collation-server = utf8mb4_general_ci
max_connections = 500
innodb_buffer_pool_size = 128M
# a lab: trade durability on a power cut for speed
innodb_flush_log_at_trx_commit = 2
EOF
    chmod 644 "$MYCNF"   # mariadbd reads it after dropping to the mysql user

    cat > "$KSCONF" <<EOF
# generated by heat-lab.sh
[DEFAULT]
log_dir = $LOGS
log_file = keystone.log
use_stderr = false

[database]
connection = $(db_url keystone "$KEYSTONE_DB_PASSWORD" keystone)

[token]
provider = fernet
expiration = $TOKEN_EXPIRATION

[fernet_tokens]
key_repository = $LAB/keystone/fernet-keys

[fernet_receipts]
key_repository = $LAB/keystone/fernet-keys

[credential]
key_repository = $LAB/keystone/credential-keys

[identity]
# bcrypt's minimum cost: a password check takes milliseconds, not a quarter second
password_hash_rounds = 4

[oslo_policy]
enforce_scope = false
enforce_new_defaults = false
EOF

    cat > "$KSUWSGI" <<EOF
# generated by heat-lab.sh
[uwsgi]
plugins = python3
master = true
; HTTP/1.1 with keep-alive: --http-socket made clients that reuse connections see resets
http11-socket = $HOST:$KS_PORT
wsgi-file = /usr/bin/keystone-wsgi-public
processes = 2
threads = 4
enable-threads = true
lazy-apps = true
; without it, SIGTERM makes the uwsgi master reload instead of exiting
die-on-term = true
no-orphans = true
need-app = true
buffer-size = 65535
listen = 100
pidfile = $RUN/keystone-uwsgi.pid
env = OS_KEYSTONE_CONFIG_DIR=$ETC/keystone
env = OS_KEYSTONE_CONFIG_FILES=keystone.conf
EOF

    umask 022
    write_heat_config
}

# heat.conf alone: restart-heat rewrites it without touching the other services' files.
write_heat_config() {
    mkdir -p "$ETC"
    umask 077
    cat > "$HEATCONF" <<EOF
# generated by heat-lab.sh
[DEFAULT]
log_dir = $LOGS
use_stderr = false
host = heat-lab
# true is Heat's default; false runs the legacy engine (HEAT_LAB_CONVERGENCE=false)
convergence_engine = $CONVERGENCE
# heat-all: API and engine in one process talk through an in-memory transport
transport_url = fake://
num_engine_workers = 1
region_name_for_services = $REGION
auth_encryption_key = $HEAT_AUTH_ENCRYPTION_KEY
stack_user_domain_name = heat
stack_domain_admin = heat_domain_admin
stack_domain_admin_password = $HEAT_DOMAIN_ADMIN_PASSWORD
heat_metadata_server_url = http://$HOST:8000
heat_waitcondition_server_url = http://$HOST:8000/v1/waitcondition
# Off by default in Heat; the lab turns them on so Export-HeatStack (export shares abandon's switch) and adopt run
enable_stack_abandon = true
enable_stack_adopt = true

[heat_all]
enabled_services = api,engine

[heat_api]
bind_host = $HOST
bind_port = $HEAT_PORT
# 1 = serve in-process; 0 (the default) would fork API workers that cannot reach the
# engine through fake://
workers = 1

[database]
connection = $(db_url heat "$HEAT_DB_PASSWORD" heat)

[paste_deploy]
api_paste_config = /etc/heat/api-paste.ini

[keystone_authtoken]
www_authenticate_uri = http://$HOST:$KS_PORT
auth_url = http://$HOST:$KS_PORT
auth_type = password
project_domain_name = Default
user_domain_name = Default
project_name = service
username = heat
password = $HEAT_PASSWORD
region_name = $REGION

[trustee]
auth_type = password
auth_url = http://$HOST:$KS_PORT
username = heat
password = $HEAT_PASSWORD
user_domain_name = Default

[clients_keystone]
auth_uri = http://$HOST:$KS_PORT

[ec2authtoken]
auth_uri = $KS_URL

[oslo_messaging_notifications]
driver = noop

[oslo_policy]
enforce_scope = false
enforce_new_defaults = false
EOF
    umask 022
}

openrc_text() { # user password project
    cat <<EOF
# generated by heat-lab.sh
export OS_AUTH_URL=$KS_URL
export OS_IDENTITY_API_VERSION=3
export OS_USERNAME=$1
export OS_PASSWORD=$2
export OS_PROJECT_NAME=$3
export OS_USER_DOMAIN_NAME=Default
export OS_PROJECT_DOMAIN_NAME=Default
export OS_REGION_NAME=$REGION
export OS_INTERFACE=public
EOF
}

write_user_files() { # demo_project_id demo2_project_id
    umask 077
    openrc_text demo "$DEMO_PASSWORD" demo > "$LAB/openrc"
    openrc_text admin "$ADMIN_PASSWORD" admin > "$LAB/admin-openrc"
    cat > "$LAB/clouds.yaml" <<EOF
# generated by heat-lab.sh; use with OS_CLIENT_CONFIG_FILE=$LAB/clouds.yaml OS_CLOUD=heat-lab
clouds:
  heat-lab:
    auth:
      auth_url: $KS_URL
      username: demo
      password: "$DEMO_PASSWORD"
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION
    interface: public
    identity_api_version: 3
  heat-lab-admin:
    auth:
      auth_url: $KS_URL
      username: admin
      password: "$ADMIN_PASSWORD"
      project_name: admin
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION
    interface: public
    identity_api_version: 3
  heat-lab-r2:
    auth:
      auth_url: $KS_URL
      username: demo
      password: "$DEMO_PASSWORD"
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION2
    interface: public
    identity_api_version: 3
  heat-lab-demo2:
    auth:
      auth_url: $KS_URL
      username: demo
      password: "$DEMO_PASSWORD"
      project_name: demo2
      user_domain_name: Default
      project_domain_name: Default
    region_name: $REGION
    interface: public
    identity_api_version: 3
EOF
    LAB="$LAB" KS_URL="$KS_URL" REGION="$REGION" REGION2="$REGION2" HEAT_BASE="$HEAT_BASE" \
    DEMO_PASSWORD="$DEMO_PASSWORD" ADMIN_PASSWORD="$ADMIN_PASSWORD" P1="$1" P2="$2" \
    "$PY" - > "$LAB/lab.json" <<'PY'
import json, os
e = os.environ
lab = e["LAB"]
print(json.dumps({
    "auth_url": e["KS_URL"],
    "identity_api_version": 3,
    "region": e["REGION"],
    "interface": "public",
    "user_domain_name": "Default",
    "project_domain_name": "Default",
    "username": "demo",
    "password": e["DEMO_PASSWORD"],
    "project_name": "demo",
    "project_id": e["P1"],
    "project2_name": "demo2",
    "project2_id": e["P2"],
    "heat_url": e["HEAT_BASE"],
    "heat_endpoint": e["HEAT_BASE"] + "/" + e["P1"],
    "admin_username": "admin",
    "admin_password": e["ADMIN_PASSWORD"],
    "admin_project_name": "admin",
    "openrc": lab + "/openrc",
    "admin_openrc": lab + "/admin-openrc",
    "clouds_yaml": lab + "/clouds.yaml",
    "cloud": "heat-lab",
    "admin_cloud": "heat-lab-admin",
    "region2": e["REGION2"],
    "region2_cloud": "heat-lab-r2",
    "project2_cloud": "heat-lab-demo2",
}, indent=2))
PY
    umask 022
    # run through sudo: let the calling user read what is meant for it
    if [[ -n ${SUDO_UID:-} && -n ${SUDO_GID:-} ]]; then
        chown "$SUDO_UID:$SUDO_GID" "$LAB/openrc" "$LAB/admin-openrc" "$LAB/clouds.yaml" "$LAB/lab.json"
    fi
}

# ---------------------------------------------------------------------------------------
# Keystone REST probe (python3's urllib): prints a JSON summary of a token request.
#   ks_probe USER PASSWORD PROJECT|'' [DOMAIN_SCOPE]
ks_probe() {
    U=$1 P=$2 PROJ=$3 DSCOPE=${4:-} KS_URL=$KS_URL HEAT_BASE=$HEAT_BASE REGION=$REGION \
    UDOM=${UDOM:-Default} CHECK_HEAT=${CHECK_HEAT:-} "$PY" - <<'PY'
import json, os, sys, urllib.request, urllib.error
e = os.environ
ident = {"methods": ["password"], "password": {"user": {
    "name": e["U"], "password": e["P"], "domain": {"name": e["UDOM"]}}}}
auth = {"identity": ident}
if e["PROJ"]:
    auth["scope"] = {"project": {"name": e["PROJ"], "domain": {"name": "Default"}}}
elif e["DSCOPE"]:
    auth["scope"] = {"domain": {"name": e["DSCOPE"]}}
req = urllib.request.Request(e["KS_URL"] + "/auth/tokens",
                             data=json.dumps({"auth": auth}).encode(),
                             headers={"Content-Type": "application/json"})
try:
    with urllib.request.urlopen(req, timeout=10) as r:
        token = r.headers["X-Subject-Token"]
        body = json.load(r)
except urllib.error.HTTPError as x:
    print(json.dumps({"status": x.code, "error": x.read().decode(errors="replace")[:300]}))
    sys.exit(1)
t = body["token"]
out = {"status": 201,
       "project_id": (t.get("project") or {}).get("id"),
       "roles": sorted(r["name"] for r in t.get("roles", [])),
       "orchestration": None}
for svc in t.get("catalog", []):
    if svc["type"] == "orchestration":
        for ep in svc["endpoints"]:
            if ep["interface"] == "public" and ep["region_id"] == e["REGION"]:
                out["orchestration"] = ep["url"]
if e["CHECK_HEAT"]:
    req = urllib.request.Request(e["HEAT_BASE"] + "/" + out["project_id"] + "/stacks?limit=1",
                                 headers={"X-Auth-Token": token})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            out["heat_status"] = r.status
    except urllib.error.HTTPError as x:
        out["heat_status"] = x.code
        print(json.dumps(out)); sys.exit(1)
print(json.dumps(out))
PY
}

json_get() { "$PY" -c 'import json,sys; v=json.load(sys.stdin); print(eval("v"+sys.argv[1]))' "$1"; }

# ---------------------------------------------------------------------------------------
# services

start_mariadb() {
    if svc_running mariadb; then log "mariadb: already running"; return 0; fi
    mkdir -p "$DBDIR/data" "$DBDIR/tmp"
    chown -R mysql:mysql "$DBDIR"
    chmod 750 "$DBDIR"
    runuser -u mysql -- test -w "$DBDIR" ||
        die "the mysql user cannot reach $DBDIR: give HEAT_LAB_DIR a path every user may traverse"
    if [[ ! -d $DBDIR/data/mysql ]]; then
        log "mariadb: creating the datadir"
        mariadb-install-db --defaults-file="$MYCNF" --skip-test-db \
            --auth-root-authentication-method=socket >> "$LOGS/init.log" 2>&1 ||
            { tail -n 30 "$LOGS/init.log" >&2; die "mariadb-install-db failed"; }
    fi
    rm -f "$SOCK" "$DBDIR/mysqld.pid"
    launch mariadb "$LOGS/mariadb.log" mariadbd --defaults-file="$MYCNF"
    wait_for mariadb "mariadb to answer on $SOCK" mariadb-admin --defaults-file="$MYCNF" ping
    log "mariadb: up (socket $SOCK)"
}

start_keystone() {
    if svc_running keystone; then log "keystone: already running"; return 0; fi
    ensure_port_free "$KS_PORT" keystone
    launch keystone "$LOGS/keystone-uwsgi.log" uwsgi --ini "$KSUWSGI"
    wait_for keystone "GET $KS_URL" curl -sf --max-time 5 "$KS_URL"
    log "keystone: up ($KS_URL)"
}

start_heat() {
    if svc_running heat; then log "heat: already running"; return 0; fi
    ensure_port_free "$HEAT_PORT" heat
    launch heat "$LOGS/heat-all.out" heat-all --config-file "$HEATCONF"
    wait_for heat "GET http://$HOST:$HEAT_PORT/" heat_root_answers
    log "heat: up (http://$HOST:$HEAT_PORT)"
}

heat_root_answers() {
    local code
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://$HOST:$HEAT_PORT/") || return 1
    [[ $code == 200 || $code == 300 ]]
}

# ---------------------------------------------------------------------------------------
# first-run initialisation

mysql_root() { mariadb --defaults-file="$MYCNF"; }

init_databases() {
    log "mariadb: creating databases keystone, heat"
    mysql_root <<EOF
CREATE DATABASE IF NOT EXISTS keystone CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE DATABASE IF NOT EXISTS heat CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
CREATE OR REPLACE USER 'keystone'@'localhost' IDENTIFIED BY '$KEYSTONE_DB_PASSWORD';
CREATE OR REPLACE USER 'heat'@'localhost' IDENTIFIED BY '$HEAT_DB_PASSWORD';
GRANT ALL PRIVILEGES ON keystone.* TO 'keystone'@'localhost';
GRANT ALL PRIVILEGES ON heat.* TO 'heat'@'localhost';
FLUSH PRIVILEGES;
EOF
}

init_keystone() {
    local km=(keystone-manage --config-file "$KSCONF")
    log "keystone: db_sync, fernet and credential keys, bootstrap"
    {
        "${km[@]}" db_sync &&
        "${km[@]}" fernet_setup --keystone-user root --keystone-group root &&
        "${km[@]}" credential_setup --keystone-user root --keystone-group root &&
        "${km[@]}" bootstrap --bootstrap-password "$ADMIN_PASSWORD" \
            --bootstrap-username admin --bootstrap-project-name admin \
            --bootstrap-role-name admin --bootstrap-region-id "$REGION" \
            --bootstrap-admin-url "$KS_URL" --bootstrap-internal-url "$KS_URL" \
            --bootstrap-public-url "$KS_URL"
    } >> "$LOGS/init.log" 2>&1 || { tail -n 30 "$LOGS/init.log" >&2; die "keystone initialisation failed"; }
}

# All identities for Heat and the tests, through ONE openstack process reading stdin
# (each separate `openstack` call costs about two seconds of Python start-up).
init_identities() {
    local url="http://$HOST:$HEAT_PORT/v1/%(tenant_id)s" out=$LOGS/init-openstack.log
    log "keystone: creating projects, users, roles, the orchestration service"
    (
        # shellcheck disable=SC1091
        . "$LAB/admin-openrc"
        openstack > "$out" 2>&1 <<EOF
project create --or-show --domain Default service
user create --or-show --domain Default --password $HEAT_PASSWORD heat
role add --project service --project-domain Default --user heat --user-domain Default admin
role create --or-show member
role create --or-show heat_stack_owner
role create --or-show heat_stack_user
service create --name heat orchestration
endpoint create --region $REGION orchestration public '$url'
endpoint create --region $REGION orchestration internal '$url'
endpoint create --region $REGION orchestration admin '$url'
domain create --or-show heat
user create --or-show --domain heat --password $HEAT_DOMAIN_ADMIN_PASSWORD heat_domain_admin
role add --domain heat --user heat_domain_admin --user-domain heat admin
project create --or-show --domain Default demo
project create --or-show --domain Default demo2
user create --or-show --domain Default --password $DEMO_PASSWORD demo
role add --project demo --project-domain Default --user demo --user-domain Default member
role add --project demo --project-domain Default --user demo --user-domain Default heat_stack_owner
role add --project demo2 --project-domain Default --user demo --user-domain Default member
role add --project demo2 --project-domain Default --user demo --user-domain Default heat_stack_owner
EOF
    ) || { tail -n 30 "$out" >&2; die "openstack CLI failed (log: $out)"; }
    # In this stdin mode the CLI goes on after a failed command and still exits 0:
    # look for its error messages.
    if grep -E -i 'error|exception|no .* with a name or id|conflict|\(HTTP [45][0-9][0-9]' "$out" >&2; then
        die "a bootstrap command of the openstack CLI failed (log: $out)"
    fi
}

# A second region whose orchestration endpoints are this same Heat, so that a fleet has three targets on one machine
# (heat-lab, heat-lab-r2, heat-lab-demo2). Made once; a lab made before it gets it at its next start.
ensure_region2() {
    [[ -f $LAB/.region2 ]] && return 0
    local url="http://$HOST:$HEAT_PORT/v1/%(tenant_id)s" out=$LOGS/init-region2.log
    log "keystone: region $REGION2, with orchestration endpoints on this Heat"
    (
        # shellcheck disable=SC1091
        . "$LAB/admin-openrc"
        if ! openstack region show "$REGION2" > /dev/null 2>&1; then
            openstack region create "$REGION2" > "$out" 2>&1 || exit 1
        fi
        openstack >> "$out" 2>&1 <<EOF
endpoint create --region $REGION2 orchestration public '$url'
endpoint create --region $REGION2 orchestration internal '$url'
endpoint create --region $REGION2 orchestration admin '$url'
EOF
    ) || { tail -n 30 "$out" >&2; die "could not make region $REGION2 (log: $out)"; }
    if grep -E -i 'error|exception|conflict|\(HTTP [45][0-9][0-9]' "$out" >&2; then
        die "a command making region $REGION2 failed (log: $out)"
    fi
    local j
    j=$(REGION=$REGION2 ks_probe demo "$DEMO_PASSWORD" demo) || die "demo cannot get a token: $j"
    [[ $(json_get "['orchestration']" <<< "$j") == "$HEAT_BASE/"* ]] || die "no orchestration endpoint in $REGION2 in demo's catalog: $j"
    touch "$LAB/.region2"
}

# Prove that what init_identities made is there; sets DEMO_PID, DEMO2_PID.
verify_identities() {
    local j
    j=$(ks_probe heat "$HEAT_PASSWORD" service) || die "heat service user cannot get a token: $j (see $LOGS/init-openstack.log)"
    [[ $(json_get "['roles']" <<< "$j") == *admin* ]] || die "heat has no admin role in service: $j"
    j=$(UDOM=heat ks_probe heat_domain_admin "$HEAT_DOMAIN_ADMIN_PASSWORD" '' heat) ||
        die "heat_domain_admin cannot get a heat-domain token: $j"
    j=$(ks_probe demo "$DEMO_PASSWORD" demo) || die "demo cannot get a token for demo: $j"
    [[ $(json_get "['roles']" <<< "$j") == *heat_stack_owner*member* ]] || die "demo lacks roles on demo: $j"
    DEMO_PID=$(json_get "['project_id']" <<< "$j")
    [[ $(json_get "['orchestration']" <<< "$j") == "$HEAT_BASE/$DEMO_PID" ]] ||
        die "no orchestration endpoint in demo's catalog: $j"
    j=$(ks_probe demo "$DEMO_PASSWORD" demo2) || die "demo cannot get a token for demo2: $j"
    DEMO2_PID=$(json_get "['project_id']" <<< "$j")
}

initialise() {
    log "initialising a new lab in $LAB"
    make_secrets
    load_secrets
    write_configs
    start_mariadb
    init_databases
    log "heat: db_sync (in the background)"
    heat-manage --config-file "$HEATCONF" db_sync >> "$LOGS/heat-db-sync.log" 2>&1 &
    local heat_sync=$!
    init_keystone
    openrc_text admin "$ADMIN_PASSWORD" admin > "$LAB/admin-openrc"
    chmod 600 "$LAB/admin-openrc"
    start_keystone
    init_identities
    verify_identities
    ensure_region2
    write_user_files "$DEMO_PID" "$DEMO2_PID"
    wait "$heat_sync" || { tail -n 30 "$LOGS/heat-db-sync.log" >&2; die "heat-manage db_sync failed"; }
    log "heat: db_sync done"
    date -u +%FT%TZ > "$LAB/.initialised"
}

# ---------------------------------------------------------------------------------------
# readiness: keystone answers, heat answers, demo gets a token and can list stacks

lab_ready() {
    curl -sf --max-time 5 "$KS_URL" > /dev/null || return 1
    heat_root_answers || return 1
    CHECK_HEAT=1 ks_probe demo "$DEMO_PASSWORD" demo > /dev/null
}

wait_ready() {
    local deadline=$((SECONDS + START_TIMEOUT)) svc
    until lab_ready; do
        for svc in "${SERVICES[@]}"; do
            svc_running "$svc" || fail_svc "$svc" "is not running"
        done
        if ((SECONDS >= deadline)); then
            CHECK_HEAT=1 ks_probe demo "$DEMO_PASSWORD" demo >&2 || true
            fail_svc heat "no token or no stack list for demo within ${START_TIMEOUT}s"
        fi
        sleep 0.5
    done
}

# ---------------------------------------------------------------------------------------
# commands

cmd_start() {
    need_root start
    check_lab_path
    install_packages
    mkdir -p "$(dirname "$LAB")"
    lock
    if [[ -f $LAB/.initialised ]] && svc_running mariadb && svc_running keystone && svc_running heat; then
        load_secrets
        if lab_ready; then log "already running and answering"; return 0; fi
    fi
    local ok=
    trap '[[ -n $ok ]] || { warn "start failed: stopping what runs (logs stay in $LOGS)"; stop_all; }' EXIT
    if [[ ! -f $LAB/.initialised ]]; then
        lab_dir_is_ours || die "$LAB exists, is not empty and is no heat-lab state folder: not touching it"
        stop_all
        if [[ -e $LAB ]]; then
            log "discarding a half-initialised state folder"
            find "$LAB" -mindepth 1 -delete
        fi
        mkdir -p "$LAB"
        chmod 755 "$LAB"
        echo "heat-lab state folder (heat-lab.sh)" > "$LAB/.heat-lab"
        initialise
    else
        load_secrets
        write_configs
        start_mariadb
        start_keystone
        if [[ ! -f $LAB/.region2 ]]; then
            ensure_region2
            verify_identities
            write_user_files "$DEMO_PID" "$DEMO2_PID"
        fi
    fi
    start_heat
    log "waiting until demo gets a token and Heat lists stacks"
    wait_ready
    ok=1
    trap - EXIT
    log "lab is up: . $LAB/openrc   (or OS_CLIENT_CONFIG_FILE=$LAB/clouds.yaml OS_CLOUD=heat-lab)"
}

cmd_stop() {
    check_lab_path
    if [[ ! -d $LAB ]]; then
        # nothing recorded; still sweep leftovers of this state folder
        stop_all
        return 0
    fi
    [[ $EUID -eq 0 ]] || die "'stop' must run as root"
    lock
    stop_all
    log "stopped"
}

# Heat alone goes down and comes back, as in a rolling restart of a cloud's Heat: MariaDB and
# Keystone keep running. For tests of clients that must survive it.
cmd_restart_heat() {
    local down=5
    while (($#)); do
        case $1 in
            --down-seconds) [[ ${2:-} =~ ^[0-9]+$ ]] || die "--down-seconds needs a whole number of seconds"
                            down=$2; shift 2 ;;
            --down-seconds=*) down=${1#*=}; [[ $down =~ ^[0-9]+$ ]] || die "--down-seconds needs a whole number of seconds"
                            shift ;;
            *) die "restart-heat: unknown argument '$1' (usage: $0 restart-heat [--down-seconds N])" ;;
        esac
    done
    need_root restart-heat
    check_lab_path
    [[ -f $LAB/.initialised ]] || die "the lab is not initialised (run: $0 start)"
    lock
    load_secrets
    if ! svc_running mariadb || ! svc_running keystone; then
        die "mariadb or keystone is not running (run: $0 start)"
    fi
    local t0=$SECONDS
    stop_svc heat
    write_heat_config
    log "heat: stopped after $((SECONDS - t0)) s; staying down ${down} s"
    sleep "$down"
    start_heat
    wait_ready
    log "heat: back after $((SECONDS - t0)) s down in all"
}

cmd_status() {
    local svc g pid all=0 code
    for svc in "${SERVICES[@]}"; do
        if svc_running "$svc"; then
            g=$(svc_pgid "$svc"); pid=$(cat "$RUN/$svc.pid" 2>/dev/null || echo '?')
            printf '%-9s running  pid %s, process group %s\n' "$svc" "$pid" "$g"
        else
            printf '%-9s stopped\n' "$svc"; all=1
        fi
    done
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$KS_URL" || true)
    printf '%-9s %s -> HTTP %s\n' keystone "$KS_URL" "$code"; [[ $code == 200 ]] || all=1
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "http://$HOST:$HEAT_PORT/" || true)
    printf '%-9s %s -> HTTP %s\n' heat "http://$HOST:$HEAT_PORT/" "$code"; [[ $code == 300 || $code == 200 ]] || all=1
    if ((all == 0)); then echo "heat-lab: up ($LAB)"; else echo "heat-lab: not (fully) up ($LAB)"; fi
    return $all
}

cmd_wipe() {
    check_lab_path
    lab_dir_is_ours || die "$LAB is no heat-lab state folder: not deleting it"
    cmd_stop
    rm -rf "$LAB"
    rm -f "$LAB.lock"
    log "wiped $LAB"
}

cmd_env() {
    echo "$LAB/openrc"
    [[ -f $LAB/openrc ]] || { echo "heat-lab: $LAB/openrc does not exist yet (run: $0 start)" >&2; return 1; }
}

# ---------------------------------------------------------------------------------------
# selftest: the reference CLI as demo against the running lab

cmd_selftest() {
    [[ -f $LAB/openrc ]] || die "the lab is not initialised (run: $0 start)"
    cmd_status > /dev/null || die "the lab is not up (run: $0 start)"
    # shellcheck disable=SC1091
    . "$LAB/openrc"     # readable by the sudo user too; secrets.env is not needed here
    local tmp tag=selftest-$$ fails=0 t=$SECONDS
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/heat-lab-selftest.XXXXXX")
    local stacks=("$tag-hot" "$tag-fail" "$tag-cfn")
    # shellcheck disable=SC2064
    trap "selftest_cleanup '$tmp' ${stacks[*]}" EXIT
    check() { if "$@"; then :; else echo "FAIL: $*" >&2; fails=$((fails + 1)); fi; }

    cat > "$tmp/hot.yaml" <<'EOF'
heat_template_version: 2018-08-31
description: heat-lab selftest
resources:
  rand:
    type: OS::Heat::RandomString
    properties: {length: 12}
  test:
    type: OS::Heat::TestResource
    properties: {value: hello-lab}
  group:
    type: OS::Heat::ResourceGroup
    properties:
      count: 2
      resource_def: {type: OS::Heat::RandomString}
outputs:
  test_value: {value: {get_attr: [test, output]}}
EOF
    cat > "$tmp/fail.yaml" <<'EOF'
heat_template_version: 2018-08-31
resources:
  broken:
    type: OS::Heat::TestResource
    properties: {fail: true}
EOF
    cat > "$tmp/cfn.yaml" <<'EOF'
AWSTemplateFormatVersion: '2010-09-09'
Description: heat-lab selftest, CloudFormation format
Resources:
  Rand:
    Type: OS::Heat::RandomString
    Properties: {length: 8}
Outputs:
  Value:
    Value: {'Fn::GetAtt': [Rand, value]}
EOF
    echo "selftest: creating three stacks (HOT, failing, CloudFormation) with the CLI"
    local w=300
    timeout $w openstack stack create --wait -t "$tmp/hot.yaml" "$tag-hot" > "$tmp/hot.out" 2>&1 & local p1=$!
    timeout $w openstack stack create --wait -t "$tmp/fail.yaml" "$tag-fail" > "$tmp/fail.out" 2>&1 & local p2=$!
    timeout $w openstack stack create --wait -t "$tmp/cfn.yaml" "$tag-cfn" > "$tmp/cfn.out" 2>&1 & local p3=$!
    wait $p1 || { cat "$tmp/hot.out" >&2; }
    wait $p2 || true     # expected to fail
    wait $p3 || { cat "$tmp/cfn.out" >&2; }

    # one CLI process for the reads
    openstack > "$tmp/reads.out" 2>&1 <<EOF
stack show -f value -c stack_status $tag-hot
stack show -f value -c stack_status $tag-fail
stack show -f value -c stack_status $tag-cfn
stack output show -f value -c output_value $tag-hot test_value
stack event list -f value -c resource_status $tag-hot
stack resource list -n 2 -f value -c resource_name -c resource_type -c resource_status $tag-hot
application credential create -f value -c id -c secret $tag-appcred
EOF
    local reads; reads=$(cat "$tmp/reads.out")
    paste -d' ' <(printf '%s\n' "$tag-hot status:" "$tag-fail status:" "$tag-cfn status:" \
        "$tag-hot output test_value:") <(sed -n '1,4p' "$tmp/reads.out") | sed 's/^/  | /'
    echo "  | events of $tag-hot: $(grep -c -E '^CREATE_(IN_PROGRESS|COMPLETE)$' <<< "$reads")"
    grep -E ' OS::' <<< "$reads" | sed 's/^/  | resource: /'
    check grep -qx "CREATE_COMPLETE" <<< "$(sed -n 1p "$tmp/reads.out")"
    check grep -qx "CREATE_FAILED" <<< "$(sed -n 2p "$tmp/reads.out")"
    check grep -qx "CREATE_COMPLETE" <<< "$(sed -n 3p "$tmp/reads.out")"
    check grep -qx "hello-lab" <<< "$(sed -n 4p "$tmp/reads.out")"
    check grep -q "CREATE_COMPLETE" <<< "$reads"
    # the two group members are nested-stack resources: -n 2 must list them
    check test "$(grep -c 'OS::Heat::RandomString CREATE_COMPLETE' <<< "$reads")" -ge 3
    local ac_id ac_secret
    # `-f value -c id -c secret`: the id line, then the secret line (then the CLI's blank line)
    ac_id=$(awk '/^[0-9a-f]{32}$/ {id=$0; getline; print id; exit}' "$tmp/reads.out")
    ac_secret=$(awk '/^[0-9a-f]{32}$/ {getline; print; exit}' "$tmp/reads.out")
    check test -n "$ac_id"
    if [[ -n $ac_id ]]; then
        local code
        code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$KS_URL/auth/tokens" \
            -H 'Content-Type: application/json' \
            -d "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":{\"id\":\"$ac_id\",\"secret\":\"$ac_secret\"}}}}")
        echo "  | token from application credential: HTTP $code"
        check test "$code" = 201
    fi

    # validate a bad template with curl: 400 and Heat's error JSON
    local tok pid body code
    tok=$(curl -s -D - -o /dev/null -X POST "$KS_URL/auth/tokens" -H 'Content-Type: application/json' \
        -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"},\"password\":\"$OS_PASSWORD\"}}},\"scope\":{\"project\":{\"name\":\"demo\",\"domain\":{\"name\":\"Default\"}}}}}" |
        awk 'tolower($1)=="x-subject-token:" {print $2}' | tr -d '\r')
    pid=$("$PY" -c 'import json; print(json.load(open("'"$LAB"'/lab.json"))["project_id"])')
    body=$(curl -s -w '\n%{http_code}' -X POST "$HEAT_BASE/$pid/validate" -H "X-Auth-Token: $tok" \
        -H 'Content-Type: application/json' \
        -d '{"template": {"heat_template_version": "2018-08-31", "resources": {"x": {"type": "OS::No::Such"}}}}')
    code=${body##*$'\n'}; body=${body%$'\n'*}
    echo "  | validate of a bad template: HTTP $code $(head -c 200 <<< "$body")"
    check test "$code" = 400
    check grep -q '"error"' <<< "$body"

    echo "selftest: deleting stacks and the application credential"
    timeout $w openstack > "$tmp/delete.out" 2>&1 <<EOF || true
application credential delete $tag-appcred
stack delete --yes --wait ${stacks[*]}
EOF
    check test -z "$(openstack stack list -f value -c 'Stack Name' 2>&1 | grep "$tag" || true)"
    trap - EXIT
    rm -rf "$tmp"
    if ((fails)); then echo "selftest: $fails check(s) FAILED ($((SECONDS - t))s)"; return 1; fi
    echo "selftest: all checks passed ($((SECONDS - t))s)"
}

selftest_cleanup() {
    local tmp=$1; shift
    timeout 120 openstack stack delete --yes --wait "$@" > /dev/null 2>&1 || true
    rm -rf "$tmp"
}

usage() {
    cat >&2 <<EOF
usage: $0 start|stop|status|restart-heat [--down-seconds N]|wipe|env|selftest|install
  state folder: \${HEAT_LAB_DIR:-/var/tmp/heat-lab} (now: $LAB)
EOF
    exit 2
}

case "${1:-}" in
    start)    cmd_start ;;
    stop)     cmd_stop ;;
    status)   cmd_status ;;
    restart-heat) shift; cmd_restart_heat "$@" ;;
    wipe)     need_root wipe; lock; cmd_wipe ;;
    env)      cmd_env ;;
    selftest) cmd_selftest ;;
    install)  need_root install; install_packages ;;
    *)        usage ;;
esac
