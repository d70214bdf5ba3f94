local moves = {}
local function hanoi(n, from, to, via)
  if n == 0 then return end
  hanoi(n - 1, from, via, to)
  moves[#moves + 1] = from .. to
  hanoi(n - 1, via, to, from)
end
hanoi(4, "A", "C", "B")
print(#moves)
print(table.concat(moves, " "))
local count = 0
local function hcount(n) if n == 0 then return 0 end return 2 * hcount(n - 1) + 1 end
print(hcount(20), 2 ^ 20 - 1)
