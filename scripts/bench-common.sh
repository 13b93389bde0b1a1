# Shared by scripts/bench-load.sh and scripts/bench-ab.sh (sourced, not run). Both define
# query SQL (the benchmark database's client), BASE (the server) and AGG (group_concat or string_agg).

# wait_for_automations TOKEN: a fresh database has every automation due at start (ai-refresh
# re-forecasts the network); measure only once they have all run, so they neither compete with the
# load nor count as idle memory.
wait_for_automations() {
    for _ in $(seq 1 1800); do
        curl -fs "$BASE/api/v1/automations" -H "Authorization: Bearer $1" \
            | python3 -c 'import json,sys; items=json.load(sys.stdin)["items"]; sys.exit(0 if all(i.get("lastFinishedAt") and not i["running"] for i in items) else 1)' \
            && return 0
        sleep 1
    done
}

# write_targets DIR: the wrk scripts' targets — sales over every stand location (three of its SKUs
# each) in DIR/sales.lua, orders over 200 active dealers (five SKUs) in DIR/orders.lua.
write_targets() {
    query "SELECT l.stand_id, l.id, (SELECT $AGG(sku, ',') FROM (SELECT sku FROM stand_inventory i WHERE i.location_id = l.id ORDER BY sku LIMIT 3) s) FROM stand_locations l ORDER BY l.id" 2>/dev/null \
        | awk -F'|' 'BEGIN {print "return {"} {split($3, s, ","); printf "{\"%s\",\"%s\",\"%s\",\"%s\",\"%s\"},\n", $1, $2, s[1], s[2], s[3]} END {print "}"}' >"$1/sales.lua"
    local skus
    skus=$(query "SELECT sku FROM products WHERE active ORDER BY sku LIMIT 5" | paste -sd, -)
    query "SELECT id FROM partners WHERE type = 'dealer' AND status = 'active' ORDER BY id LIMIT 200" \
        | awk -v skus="$skus" 'BEGIN {split(skus, s, ","); print "return {"} {printf "{\"%s\",\"%s\",\"%s\",\"%s\",\"%s\",\"%s\"},\n", $1, s[1], s[2], s[3], s[4], s[5]} END {print "}"}' >"$1/orders.lua"
}
