-- everyday table code: stacks, queues, sets, counting, grouping, sorting records, joining
local stack = {}
for i = 1, 5 do table.insert(stack, i) end
local popped = {}
while #stack > 0 do popped[#popped + 1] = table.remove(stack) end
print(table.concat(popped, ","))
local queue = { first = 1, last = 0 }
local function push(q, v) q.last = q.last + 1 q[q.last] = v end
local function pop(q) local v = q[q.first] q[q.first] = nil q.first = q.first + 1 return v end
for i = 1, 6 do push(queue, i * 10) end
print(pop(queue), pop(queue), #queue)
push(queue, 70)
local rest = {}
for k, v in pairs(queue) do rest[#rest + 1] = tostring(k) .. ":" .. tostring(v) end
print(table.concat(rest, " "))
local words = "the cat and the dog and the bird saw the cat"
local count = {}
for w in words:gmatch("%a+") do count[w] = (count[w] or 0) + 1 end
local list = {}
for w, c in pairs(count) do list[#list + 1] = { w = w, c = c } end
table.sort(list, function(a, b) if a.c ~= b.c then return a.c > b.c end return a.w < b.w end)
for _, e in ipairs(list) do io.write(e.w, "=", e.c, " ") end
print()
local order = {}
for w in pairs(count) do order[#order + 1] = w end
print(table.concat(order, " "))
local set = {}
for _, v in ipairs({ 5, 3, 5, 1, 3, 9, 1 }) do set[v] = true end
local members = {}
for k in pairs(set) do members[#members + 1] = k end
print(table.concat(members, " "))
table.sort(members)
print(table.concat(members, " "))
local groups = {}
for i = 1, 20 do
  local key = i % 3 == 0 and "fizz" or (i % 5 == 0 and "buzz" or "num")
  groups[key] = groups[key] or {}
  table.insert(groups[key], i)
end
for k, g in pairs(groups) do print(k, #g, table.concat(g, ",")) end
local matrix = {}
for i = 1, 3 do
  matrix[i] = {}
  for j = 1, 3 do matrix[i][j] = i * j end
end
for i = 1, 3 do print(table.concat(matrix[i], " ")) end
local args = { "SET", "key", 10, "EX", 60 }
print(table.concat(args, " "), #args, table.maxn(args))
local reply = {}
for i = 1, 5 do reply[#reply + 1] = "field" .. i reply[#reply + 1] = i end
local h = {}
for i = 1, #reply, 2 do h[reply[i]] = reply[i + 1] end
local hk = {}
for k, v in pairs(h) do hk[#hk + 1] = k .. "=" .. v end
print(table.concat(hk, " "))
