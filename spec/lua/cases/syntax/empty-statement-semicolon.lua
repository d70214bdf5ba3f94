local a = 1;;
