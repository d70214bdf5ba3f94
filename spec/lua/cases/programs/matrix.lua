local function mat(rows) return rows end
local function mul(a, b)
  local r = {}
  for i = 1, #a do
    r[i] = {}
    for j = 1, #b[1] do
      local s = 0
      for k = 1, #b do s = s + a[i][k] * b[k][j] end
      r[i][j] = s
    end
  end
  return r
end
local function show(m)
  local rows = {}
  for i = 1, #m do rows[i] = table.concat(m[i], " ") end
  return table.concat(rows, " | ")
end
local function identity(n)
  local m = {}
  for i = 1, n do m[i] = {} for j = 1, n do m[i][j] = i == j and 1 or 0 end end
  return m
end
local A = mat({ { 1, 2 }, { 3, 4 } })
local B = mat({ { 5, 6 }, { 7, 8 } })
print(show(mul(A, B)))
print(show(mul(A, identity(2))))
local function pow(m, n)
  local r = identity(#m)
  while n > 0 do
    if n % 2 == 1 then r = mul(r, m) end
    m = mul(m, m)
    n = math.floor(n / 2)
  end
  return r
end
print(show(pow({ { 1, 1 }, { 1, 0 } }, 30)))
local function transpose(m)
  local t = {}
  for i = 1, #m[1] do t[i] = {} for j = 1, #m do t[i][j] = m[j][i] end end
  return t
end
print(show(transpose({ { 1, 2, 3 }, { 4, 5, 6 } })))
local function det(m)
  local n = #m
  if n == 1 then return m[1][1] end
  local d = 0
  for c = 1, n do
    local sub = {}
    for i = 2, n do
      local row = {}
      for j = 1, n do if j ~= c then row[#row + 1] = m[i][j] end end
      sub[#sub + 1] = row
    end
    d = d + (-1) ^ (c + 1) * m[1][c] * det(sub)
  end
  return d
end
print(det({ { 2, 0, 1 }, { 1, 3, 2 }, { 1, 1, 1 } }), det(identity(4)))
