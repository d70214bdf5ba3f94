local x = 1 // comment
