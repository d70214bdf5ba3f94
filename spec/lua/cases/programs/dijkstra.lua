local graph = {
  A = { B = 7, C = 9, F = 14 }, B = { A = 7, C = 10, D = 15 }, C = { A = 9, B = 10, D = 11, F = 2 },
  D = { B = 15, C = 11, E = 6 }, E = { D = 6, F = 9 }, F = { A = 14, C = 2, E = 9 },
}
local function sortedKeys(t) local k = {} for n in pairs(t) do k[#k + 1] = n end table.sort(k) return k end
local function dijkstra(src)
  local dist, prev, done = { [src] = 0 }, {}, {}
  while true do
    local best, bestd
    for _, n in ipairs(sortedKeys(graph)) do
      if not done[n] and dist[n] and (not bestd or dist[n] < bestd) then best, bestd = n, dist[n] end
    end
    if not best then break end
    done[best] = true
    for _, m in ipairs(sortedKeys(graph[best])) do
      local d = bestd + graph[best][m]
      if not dist[m] or d < dist[m] then dist[m], prev[m] = d, best end
    end
  end
  return dist, prev
end
local dist, prev = dijkstra("A")
for _, n in ipairs(sortedKeys(graph)) do
  local path, cur = {}, n
  while cur do table.insert(path, 1, cur) cur = prev[cur] end
  print(n, dist[n], table.concat(path, "->"))
end
