local function merge(a, b, cmp)
  local r, i, j = {}, 1, 1
  while i <= #a and j <= #b do
    if cmp(b[j], a[i]) then r[#r + 1] = b[j] j = j + 1 else r[#r + 1] = a[i] i = i + 1 end
  end
  for k = i, #a do r[#r + 1] = a[k] end
  for k = j, #b do r[#r + 1] = b[k] end
  return r
end
local function msort(t, cmp)
  if #t <= 1 then return t end
  local mid = math.floor(#t / 2)
  local l, r = {}, {}
  for i = 1, mid do l[#l + 1] = t[i] end
  for i = mid + 1, #t do r[#r + 1] = t[i] end
  return merge(msort(l, cmp), msort(r, cmp), cmp)
end
local recs = {
  { n = "d", k = 2 }, { n = "a", k = 1 }, { n = "c", k = 2 }, { n = "b", k = 1 }, { n = "e", k = 0 },
}
local sorted = msort(recs, function(x, y) return x.k < y.k end)
local out = {}
for _, r in ipairs(sorted) do out[#out + 1] = r.n .. r.k end
print(table.concat(out, " "))
local nums = {}
for i = 1, 50 do nums[i] = (i * 37) % 51 end
print(table.concat(msort(nums, function(a, b) return a < b end), ","))
