local function run(code, input)
  local tape, ptr, pc, out, inp = {}, 1, 1, {}, 1
  local jump, stack = {}, {}
  for i = 1, #code do
    local c = code:sub(i, i)
    if c == "[" then stack[#stack + 1] = i
    elseif c == "]" then local j = table.remove(stack) jump[i], jump[j] = j, i end
  end
  local steps = 0
  while pc <= #code do
    local c = code:sub(pc, pc)
    local v = tape[ptr] or 0
    if c == ">" then ptr = ptr + 1
    elseif c == "<" then ptr = ptr - 1
    elseif c == "+" then tape[ptr] = (v + 1) % 256
    elseif c == "-" then tape[ptr] = (v - 1) % 256
    elseif c == "." then out[#out + 1] = string.char(v)
    elseif c == "," then tape[ptr] = (input:byte(inp) or 0) inp = inp + 1
    elseif c == "[" and v == 0 then pc = jump[pc]
    elseif c == "]" and v ~= 0 then pc = jump[pc]
    end
    pc = pc + 1
    steps = steps + 1
  end
  return table.concat(out), steps
end
local hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
print(run(hello, ""))
print(run(",[.,]", "echo me"))
print(run(",>,<[->+<]>.", "\20\30"):byte())
