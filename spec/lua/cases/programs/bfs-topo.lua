local edges = { { "shirt", "tie" }, { "tie", "jacket" }, { "pants", "shoes" }, { "pants", "belt" },
  { "belt", "jacket" }, { "shirt", "belt" }, { "socks", "shoes" }, { "undershorts", "pants" }, { "undershorts", "shoes" } }
local adj, indeg, nodes = {}, {}, {}
for _, e in ipairs(edges) do
  for _, n in ipairs(e) do if not indeg[n] then indeg[n] = 0 adj[n] = {} nodes[#nodes + 1] = n end end
  table.insert(adj[e[1]], e[2])
  indeg[e[2]] = indeg[e[2]] + 1
end
table.sort(nodes)
local queue, order = {}, {}
for _, n in ipairs(nodes) do if indeg[n] == 0 then queue[#queue + 1] = n end end
while #queue > 0 do
  table.sort(queue)
  local n = table.remove(queue, 1)
  order[#order + 1] = n
  for _, m in ipairs(adj[n]) do
    indeg[m] = indeg[m] - 1
    if indeg[m] == 0 then queue[#queue + 1] = m end
  end
end
print(table.concat(order, " "))
local grid = { "S.#.....", ".##.###.", "....#...", ".##...#E" }
local function at(r, c) return grid[r] and grid[r]:sub(c, c) or "#" end
local sr, sc, er, ec
for r = 1, #grid do for c = 1, #grid[r] do
  if at(r, c) == "S" then sr, sc = r, c elseif at(r, c) == "E" then er, ec = r, c end
end end
local dist = { [sr * 100 + sc] = 0 }
local q, head = { { sr, sc } }, 1
while head <= #q do
  local r, c = q[head][1], q[head][2]
  head = head + 1
  for _, d in ipairs({ { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } }) do
    local nr, nc = r + d[1], c + d[2]
    if at(nr, nc) ~= "" and at(nr, nc) ~= "#" and not dist[nr * 100 + nc] then
      dist[nr * 100 + nc] = dist[r * 100 + c] + 1
      q[#q + 1] = { nr, nc }
    end
  end
end
print("shortest path", dist[er * 100 + ec], "visited", #q)
